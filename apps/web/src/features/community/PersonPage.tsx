import { Card, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { NotFoundPage } from '../../routes/NotFoundPage.tsx';
import { PublicCareerSection } from '../career/PublicCareerSection.tsx';

interface PublicProfile {
  id: string;
  name: string;
  nameKana: string | null;
  nameEn: string | null;
  title: string | null;
  bio: string | null;
  departmentId: string | null;
  departmentName: string | null;
}

/** A colleague's public profile (where @mentions lead): name, department, title, self-introduction. */
export function PersonPage() {
  const { personId = '' } = useParams();
  const { t } = useTranslation();
  const person = useQuery({
    queryKey: ['people', personId],
    queryFn: () => api.get<PublicProfile>(`/api/users/${personId}`),
  });
  if (person.isPending) return <LoadingState />;
  if (person.isError) {
    if (person.error instanceof ApiError && person.error.status === 404) return <NotFoundPage />;
    return <ErrorState error={person.error} onRetry={() => void person.refetch()} />;
  }
  const p = person.data;
  return (
    <>
      <PageHeader title={p.name} description={[p.departmentName, p.title].filter(Boolean).join(' ・ ')} />
      <Card withBorder padding="lg" maw={640}>
        <Stack gap="xs">
          {p.nameKana ? (
            <Text size="sm" c="dimmed">
              {p.nameKana}
              {p.nameEn ? ` / ${p.nameEn}` : ''}
            </Text>
          ) : null}
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {p.bio || t('community.person.noBio')}
          </Text>
        </Stack>
      </Card>
      <PublicCareerSection userId={p.id} />
    </>
  );
}
