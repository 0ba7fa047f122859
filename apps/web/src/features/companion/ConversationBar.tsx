import { useState, type FormEvent } from 'react';
import { Button, Group, Menu, Modal, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { COMPANION_LIMITS, COMPANION_RETENTIONS, type KeptRetention } from '@engawa/shared';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { preventImeSubmit } from '../../components/ime.ts';
import { useFieldErrors } from '../../components/useFieldErrors.ts';
import { exportUrl, useCompanionKeys, type Conversation } from './api.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';

const KEPT: KeptRetention[] = COMPANION_RETENTIONS.filter((r): r is KeptRetention => r !== 'ephemeral');

function isKept(value: string): value is KeptRetention {
  return (KEPT as string[]).includes(value);
}

/** Rename dialog for a kept conversation. */
function RenameModal({
  conversation,
  opened,
  onClose,
}: {
  conversation: Conversation;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const keys = useCompanionKeys();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(conversation.title);
  const rename = useMutation({
    mutationFn: () =>
      api.patch<Conversation>(`/api/companion/conversations/${conversation.id}`, { title: title.trim() }),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.conversation(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: keys.conversations });
      notifications.show({ color: 'teal', message: t('companion.actions.renamed') });
      onClose();
    },
  });
  const { errors, touch } = useFieldErrors(rename.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim()) rename.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('companion.actions.renameTitle')} centered>
      <form onSubmit={onSubmit} onKeyDown={preventImeSubmit}>
        <Stack>
          <TextInput
            label={t('companion.actions.renameLabel')}
            value={title}
            onChange={(e) => {
              setTitle(e.currentTarget.value);
              touch('title');
            }}
            maxLength={COMPANION_LIMITS.titleMax}
            error={errors.title}
            required
            data-autofocus
          />
          {rename.error && !errors.title ? (
            <Text c="red.7" size="sm" role="alert">
              {errorMessage(rename.error, t('errors.common.internal'))}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={rename.isPending} disabled={!title.trim()}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Delete dialog: says plainly that it cannot be undone. */
function DeleteModal({
  conversation,
  opened,
  onClose,
}: {
  conversation: Conversation;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const keys = useCompanionKeys();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/companion/conversations/${conversation.id}`),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: keys.conversation(conversation.id) });
      void queryClient.invalidateQueries({ queryKey: keys.conversations });
      notifications.show({ color: 'teal', message: t('companion.actions.deleted') });
      onClose();
      void navigate('/companion/conversations');
    },
  });
  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      title={t('companion.actions.deleteTitle')}
      confirmLabel={t('companion.actions.deleteConfirm')}
      pending={remove.isPending}
      onConfirm={() => remove.mutate()}
      error={remove.error}
    >
      <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
        {conversation.title}
      </Text>
      <Text size="sm">{t('companion.actions.deleteBody')}</Text>
      <Text size="sm" c="dimmed">
        {t('companion.actions.deleteKeepsNotes')}
      </Text>
    </ConfirmModal>
  );
}

/**
 * The head of a kept conversation: its name, how long it is kept (changeable at once), and
 * rename, export (Markdown / JSON download) and delete.
 */
export function ConversationBar({
  conversation,
  onRetentionChanged,
}: {
  conversation: Conversation;
  onRetentionChanged: (retention: KeptRetention) => void;
}) {
  const { t } = useTranslation();
  const keys = useCompanionKeys();
  const queryClient = useQueryClient();
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const retention = useMutation({
    mutationFn: (value: KeptRetention) =>
      api.patch<Conversation>(`/api/companion/conversations/${conversation.id}`, { retention: value }),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.conversation(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: keys.conversations });
      onRetentionChanged(updated.retention);
      notifications.show({
        color: 'teal',
        message: t('companion.chat.retentionChanged', {
          retention: t(`companion.retention.${updated.retention}`),
        }),
      });
    },
    onError: (error) =>
      notifications.show({ color: 'red', message: errorMessage(error, t('errors.common.internal')) }),
  });

  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Title order={2} size="h4" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
          {conversation.title}
        </Title>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="default" size="xs" style={{ flexShrink: 0 }}>
              {t('companion.actions.menu')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => setRenaming(true)}>{t('companion.actions.rename')}</Menu.Item>
            <Menu.Item component="a" href={exportUrl(conversation.id, 'md')} download>
              {t('companion.actions.exportMd')}
            </Menu.Item>
            <Menu.Item component="a" href={exportUrl(conversation.id, 'json')} download>
              {t('companion.actions.exportJson')}
            </Menu.Item>
            <Menu.Divider />
            <Menu.Item color="red" onClick={() => setDeleting(true)}>
              {t('companion.actions.delete')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      <NativeSelect
        label={t('companion.actions.retentionLabel')}
        value={conversation.retention}
        onChange={(e) => {
          const value = e.currentTarget.value;
          if (isKept(value) && value !== conversation.retention) retention.mutate(value);
        }}
        disabled={retention.isPending}
        data={KEPT.map((r) => ({ value: r, label: t(`companion.retention.${r}`) }))}
        maw={280}
        size="xs"
      />
      {renaming ? (
        <RenameModal conversation={conversation} opened onClose={() => setRenaming(false)} />
      ) : null}
      <DeleteModal conversation={conversation} opened={deleting} onClose={() => setDeleting(false)} />
    </Stack>
  );
}
