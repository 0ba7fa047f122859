import { useState } from 'react';
import { Button, Card, Group, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { COMPANION_LIMITS } from '@engawa/shared';
import { api } from '../../api/client.ts';
import { useMe } from '../../api/session.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { useCompanionKeys, useNoteList, type Note } from './api.ts';
import { formatDateTime } from './format.ts';
import { NoteForm, type NoteDraft } from './NoteForm.tsx';

/** 非公開メモ: the owner's private notes, searchable, and writing a new one. */
export function NotesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const keys = useCompanionKeys();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [creating, setCreating] = useState(false);
  const list = useNoteList(q);
  const create = useMutation({
    mutationFn: (draft: NoteDraft) =>
      api.post<Note>('/api/companion/notes', {
        ...(draft.title ? { title: draft.title } : {}),
        body: draft.body,
      }),
    onSuccess: (note) => {
      void queryClient.invalidateQueries({ queryKey: keys.notes });
      notifications.show({ color: 'teal', message: t('companion.notes.created') });
      setCreating(false);
      void navigate(`/companion/notes/${note.id}`);
    },
  });

  return (
    <Stack gap="md" maw={860}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 16rem' }}>
          {t('companion.notes.lead')}
        </Text>
        <Button
          onClick={() => {
            create.reset();
            setCreating(true);
          }}
        >
          {t('companion.notes.create')}
        </Button>
      </Group>
      <TextInput
        type="search"
        label={t('companion.notes.searchLabel')}
        placeholder={t('companion.notes.searchPlaceholder')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maxLength={COMPANION_LIMITS.searchQueryMax}
        maw={420}
      />
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>
          {q ? (
            t('companion.notes.noResults', { q })
          ) : (
            <>
              {t('companion.notes.empty')}
              <br />
              {t('companion.notes.emptyHelp')}
            </>
          )}
        </EmptyState>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} aria-label={t('companion.notes.heading')}>
          {list.data.items.map((note) => (
            <Card key={note.id} withBorder padding="md" component="li" style={{ listStyle: 'none' }}>
              <UnstyledButton
                component={Link}
                to={`/companion/notes/${note.id}`}
                style={{ display: 'block' }}
              >
                <Stack gap={4}>
                  <Text fw={600} c="teal.9" style={{ overflowWrap: 'anywhere' }}>
                    {note.title || t('companion.notes.untitled')}
                  </Text>
                  <Text size="sm" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                    {note.excerpt}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('companion.notes.updated', {
                      date: formatDateTime(note.updatedAt, currentLocale(), me.timeZone),
                    })}
                  </Text>
                </Stack>
              </UnstyledButton>
            </Card>
          ))}
        </Stack>
      )}
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('companion.notes.createTitle')}
        size="lg"
        centered
      >
        {creating ? (
          <NoteForm
            initial={{ title: '', body: '' }}
            onSubmit={(draft) => create.mutate(draft)}
            onCancel={() => setCreating(false)}
            pending={create.isPending}
            error={create.error}
            submitLabel={t('common.save')}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
