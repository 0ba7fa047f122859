import { useState } from 'react';
import { ActionIcon, Anchor, Button, FileButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_TYPES, COMMUNITY_LIMITS } from '@engawa/shared';
import { api } from '../../../api/client.ts';
import { errorMessage } from '../../../api/errors.ts';
import { useFormat } from '../format.ts';
import type { Attachment } from '../types.ts';
import { FileIcon, PaperclipIcon } from './icons.tsx';

/** Images as thumbnails (opening the original), documents as named links with their size. */
export function AttachmentList({
  items,
  onRemove,
}: {
  items: Attachment[];
  onRemove?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!items.length) return null;
  const images = items.filter((a) => a.isImage);
  const files = items.filter((a) => !a.isImage);
  return (
    <Stack gap="xs">
      {images.length ? (
        <Group gap="xs">
          {images.map((a) => (
            <div key={a.id} style={{ position: 'relative' }}>
              <a
                href={a.url}
                target="_blank"
                rel="noopener noreferrer"
                aria-label={t('community.attachments.openImage', { name: a.name })}
              >
                <img className="engawa-thumb" src={a.thumbnailUrl ?? a.url} alt={a.name} loading="lazy" />
              </a>
              {onRemove ? (
                <Button
                  size="compact-xs"
                  variant="white"
                  color="red"
                  style={{ position: 'absolute', top: 4, right: 4 }}
                  onClick={() => onRemove(a.id)}
                  aria-label={t('community.attachments.remove', { name: a.name })}
                >
                  ×
                </Button>
              ) : null}
            </div>
          ))}
        </Group>
      ) : null}
      {files.map((a) => (
        <Group key={a.id} gap={6} wrap="nowrap">
          <FileIcon size={16} />
          <Anchor href={a.url} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {a.name}
          </Anchor>
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {f.size(a.size)}
          </Text>
          {onRemove ? (
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => onRemove(a.id)}>
              {t('community.attachments.removeShort')}
            </Button>
          ) : null}
        </Group>
      ))}
    </Stack>
  );
}

/**
 * The "attach" button: uploads each chosen file at once (the server checks its type by content
 * and its size), then the composer sends the ids with the post.
 */
export function AttachButton({ count, onUploaded }: { count: number; onUploaded: (a: Attachment) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(0);
  const room = COMMUNITY_LIMITS.attachmentsPerPost - count;
  const upload = async (files: File[]) => {
    const chosen = files.slice(0, Math.max(0, room));
    if (files.length > chosen.length)
      notifications.show({
        color: 'yellow',
        message: t('community.attachments.tooMany', { max: COMMUNITY_LIMITS.attachmentsPerPost }),
      });
    setBusy((n) => n + chosen.length);
    for (const file of chosen) {
      const form = new FormData();
      form.append('file', file, file.name);
      try {
        onUploaded(await api.upload<Attachment>('/api/attachments', form));
      } catch (error) {
        notifications.show({
          color: 'red',
          title: t('community.attachments.failed', { name: file.name }),
          message: errorMessage(error, t('errors.common.internal')),
        });
      } finally {
        setBusy((n) => n - 1);
      }
    }
  };
  return (
    <FileButton onChange={(files) => void upload(files)} multiple accept={ATTACHMENT_TYPES.join(',')}>
      {(props) => (
        <Tooltip label={t('community.attachments.help')} withArrow>
          <ActionIcon
            {...props}
            variant="subtle"
            size="lg"
            loading={busy > 0}
            disabled={room <= 0}
            aria-label={t('community.attachments.add')}
          >
            <PaperclipIcon />
          </ActionIcon>
        </Tooltip>
      )}
    </FileButton>
  );
}
