import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { EmptyState, ErrorState, LoadingState } from '../../../components/QueryStates.tsx';

interface PrivateCommunity {
  id: string;
  name: string;
  reason: string | null;
  organizers: string[];
  createdAt: string;
}

/**
 * 非公開コミュニティ: communities are open by default; each private one must say why. Admins see the
 * list with the stated reasons and organizers — never the content (the server gives none).
 */
export function PrivateCommunitiesPage() {
  const { t, i18n } = useTranslation();
  const query = useQuery({
    queryKey: ['admin', 'private-communities'],
    queryFn: () => api.get<{ items: PrivateCommunity[] }>('/api/admin/private-communities'),
  });
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.items;
  return (
    <Stack gap="md">
      <Text c="dimmed" size="sm">
        {t('admin.private.intro')}
      </Text>
      {items.length === 0 ? (
        <EmptyState>{t('admin.private.empty')}</EmptyState>
      ) : (
        items.map((c) => (
          <Card key={c.id} withBorder padding="md" component="article" aria-label={c.name}>
            <Group justify="space-between" align="baseline" wrap="wrap">
              <Title order={2} size="h4">
                {c.name}
              </Title>
              <Text size="xs" c="dimmed">
                {t('admin.private.created', {
                  date: new Date(c.createdAt).toLocaleDateString(i18n.language === 'ja' ? 'ja-JP' : 'en-US'),
                })}
              </Text>
            </Group>
            <Text size="sm" mt="xs">
              <Text span fw={600}>
                {t('admin.private.reason')}:{' '}
              </Text>
              {c.reason ?? t('common.none')}
            </Text>
            <Text size="sm" c="dimmed" mt={4}>
              {t('admin.private.organizers')}: {c.organizers.join('、') || t('common.none')}
            </Text>
          </Card>
        ))
      )}
    </Stack>
  );
}
