import { useState } from 'react';
import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { useMe } from '../../api/session.ts';
import { ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { useCompanionKeys, useNote, type Note } from './api.ts';
import { formatDateTime } from './format.ts';
import { Markdown } from './Markdown.tsx';
import { NoteForm, type NoteDraft } from './NoteForm.tsx';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';

/** One private note: read it, edit it, delete it (with a plain "cannot be undone"). */
export function NotePage() {
  const { t } = useTranslation();
  const me = useMe();
  const { id = '' } = useParams();
  const keys = useCompanionKeys();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const note = useNote(id);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);

  const save = useMutation({
    mutationFn: (draft: NoteDraft) => api.patch<Note>(`/api/companion/notes/${id}`, draft),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.note(id), updated);
      void queryClient.invalidateQueries({ queryKey: [...keys.notes, 'list'] });
      notifications.show({ color: 'teal', message: t('companion.notes.saved') });
      setEditing(false);
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/companion/notes/${id}`),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: keys.note(id) });
      void queryClient.invalidateQueries({ queryKey: keys.notes });
      notifications.show({ color: 'teal', message: t('companion.notes.deleted') });
      void navigate('/companion/notes');
    },
  });

  const back = (
    <Anchor component={Link} to="/companion/notes" size="sm">
      {t('companion.notes.back')}
    </Anchor>
  );

  if (note.isPending) return <LoadingState />;
  if (note.isError) {
    const missing = note.error instanceof ApiError && note.error.status === 404;
    return (
      <Stack maw={640} align="flex-start">
        {missing ? (
          <Alert color="gray">{t('companion.notes.notFound')}</Alert>
        ) : (
          <ErrorState error={note.error} onRetry={() => void note.refetch()} />
        )}
        {back}
      </Stack>
    );
  }
  const data = note.data;

  return (
    <Stack gap="md" maw={860}>
      {back}
      {editing ? (
        <Card withBorder padding="md" component="section" aria-labelledby="note-edit-heading">
          <Title order={2} size="h4" id="note-edit-heading" mb="sm">
            {t('companion.notes.editTitle')}
          </Title>
          <NoteForm
            initial={{ title: data.title, body: data.body }}
            onSubmit={(draft) => save.mutate(draft)}
            onCancel={() => {
              save.reset();
              setEditing(false);
            }}
            pending={save.isPending}
            error={save.error}
            submitLabel={t('common.save')}
          />
        </Card>
      ) : (
        <Card withBorder padding="md" component="article" aria-labelledby="note-heading">
          <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
            <Title
              order={2}
              size="h3"
              id="note-heading"
              style={{ overflowWrap: 'anywhere', flex: '1 1 12rem' }}
            >
              {data.title || t('companion.notes.untitled')}
            </Title>
            <Group gap="xs">
              <Button variant="default" size="xs" onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
              <Button variant="subtle" color="red" size="xs" onClick={() => setDeleting(true)}>
                {t('common.delete')}
              </Button>
            </Group>
          </Group>
          <Text size="xs" c="dimmed" mb="sm">
            {t('companion.notes.updated', {
              date: formatDateTime(data.updatedAt, currentLocale(), me.timeZone),
            })}
          </Text>
          {data.conversationId ? (
            <Text size="xs" c="dimmed" mb="sm">
              {t('companion.notes.fromConversation')}{' '}
              <Anchor
                component={Link}
                to={`/companion?c=${encodeURIComponent(data.conversationId)}`}
                size="xs"
              >
                {t('companion.notes.openConversation')}
              </Anchor>
            </Text>
          ) : null}
          <Markdown source={data.body} headingOffset={2} size="md" />
        </Card>
      )}
      <ConfirmModal
        opened={deleting}
        onClose={() => setDeleting(false)}
        title={t('companion.notes.deleteTitle')}
        confirmLabel={t('companion.notes.deleteConfirm')}
        pending={remove.isPending}
        onConfirm={() => remove.mutate()}
        error={remove.error}
      >
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {data.title || t('companion.notes.untitled')}
        </Text>
        <Text size="sm">{t('companion.notes.deleteBody')}</Text>
      </ConfirmModal>
    </Stack>
  );
}
