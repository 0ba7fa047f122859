import { Card, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../../components/QueryStates.tsx';
import { useRevisions } from '../api.ts';
import { useFormat } from '../format.ts';
import { MentionText } from './MentionText.tsx';
import type { KnowhowFieldName } from '../types.ts';

/** Earlier versions of an edited post, newest first, as the plain text that was written. */
export function RevisionsModal({
  postId,
  opened,
  onClose,
}: {
  postId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const revisions = useRevisions(postId, opened);
  return (
    <Modal opened={opened} onClose={onClose} title={t('community.revisions.title')} size="lg">
      {revisions.isPending ? (
        <LoadingState />
      ) : revisions.isError ? (
        <ErrorState error={revisions.error} onRetry={() => void revisions.refetch()} />
      ) : !revisions.data.length ? (
        <EmptyState>{t('community.revisions.empty')}</EmptyState>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('community.revisions.intro')}
          </Text>
          {revisions.data.map((r) => (
            <Card key={r.id} withBorder padding="sm">
              <Text size="xs" c="dimmed" mb={4}>
                {t('community.revisions.replaced', {
                  at: f.full(r.createdAt),
                  name: r.editor?.name ?? t('community.someone'),
                })}
              </Text>
              {r.title ? (
                <Text fw={600} size="sm">
                  {r.title}
                </Text>
              ) : null}
              {r.body ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  <MentionText text={r.body} />
                </Text>
              ) : null}
              {r.fields
                ? Object.entries(r.fields).map(([k, v]) => (
                    <Text key={k} size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      <Text span fw={600} size="sm">
                        {t(`community.fields.${k as KnowhowFieldName}`, { defaultValue: k })}:
                      </Text>{' '}
                      {v}
                    </Text>
                  ))
                : null}
            </Card>
          ))}
        </Stack>
      )}
    </Modal>
  );
}
