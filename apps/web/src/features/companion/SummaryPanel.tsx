import { Anchor, Button, Card, CloseButton, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COMPANION_LIMITS } from '@engawa/shared';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { useCompanionKeys, type Note, type Summary } from './api.ts';
import { Markdown } from './Markdown.tsx';
import { firstHeading, parseMarkdown } from './markdown.ts';

/**
 * A summary in the user's own words (a Will / Can / Must table, a 1on1 agenda draft…) and
 * 「非公開メモに保存」, which keeps it as a private note (also for a conversation that is not kept).
 */
export function SummaryPanel({
  summary,
  conversationId,
  onClose,
}: {
  summary: Summary;
  conversationId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const keys = useCompanionKeys();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () =>
      api.post<Note>('/api/companion/notes', {
        title: (firstHeading(parseMarkdown(summary.markdown)) ?? '').slice(0, COMPANION_LIMITS.noteTitleMax),
        body: summary.markdown.slice(0, COMPANION_LIMITS.noteBodyMax),
        ...(conversationId ? { conversationId } : {}),
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.notes }),
  });

  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-labelledby="companion-summary-heading"
      style={{ borderColor: 'var(--mantine-color-teal-4)' }}
    >
      <Group justify="space-between" align="flex-start" mb="xs" wrap="nowrap">
        <Title order={2} size="h4" id="companion-summary-heading">
          {t('companion.summaryPanel.heading')}
        </Title>
        <CloseButton onClick={onClose} aria-label={t('companion.summaryPanel.close')} />
      </Group>
      <Markdown source={summary.markdown} headingOffset={1} />
      <Stack gap="xs" mt="sm" align="flex-start">
        {save.isSuccess ? (
          <Group gap="sm" role="status">
            <Text size="sm" c="teal.8" fw={600}>
              {t('companion.summaryPanel.saved')}
            </Text>
            <Anchor component={Link} to={`/companion/notes/${save.data.id}`} size="sm">
              {t('companion.summaryPanel.openNote')}
            </Anchor>
          </Group>
        ) : (
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {t('companion.summaryPanel.saveToNotes')}
          </Button>
        )}
        {save.error ? (
          <Text size="sm" c="red.7" role="alert">
            {errorMessage(save.error, t('errors.common.internal'))}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
