import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PublicCareerProfile } from '@engawa/shared';
import { api } from '../../api/client.ts';
import { ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { SkillBadges } from './shared.tsx';

/**
 * The parts of someone's career profile they chose to publish (`GET /api/users/:id/career`),
 * for their public page. Only what the server returns is shown: an unpublished part is not in the
 * answer at all, so there is nothing here to hide.
 */
export function PublicCareerSection({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const career = useQuery({
    queryKey: ['people', userId, 'career'],
    queryFn: () => api.get<PublicCareerProfile>(`/api/users/${encodeURIComponent(userId)}/career`),
  });
  const headingId = `public-career-${userId}`;
  return (
    <Card withBorder padding="lg" maw={640} mt="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('career.ui.public.title')}
        </Title>
        {career.isPending ? <LoadingState /> : null}
        {career.isError ? <ErrorState error={career.error} onRetry={() => void career.refetch()} /> : null}
        {career.data ? <PublishedParts parts={career.data.parts} /> : null}
      </Stack>
    </Card>
  );
}

function PartHeading({ children }: { children: string }) {
  return (
    <Text fw={600} size="sm">
      {children}
    </Text>
  );
}

function PublishedParts({ parts }: { parts: PublicCareerProfile['parts'] }) {
  const { t } = useTranslation();
  const { strengths, values, skills, experiences, goals } = parts;
  if (!strengths && !values && !skills && !experiences && !goals) {
    return <Text c="dimmed">{t('career.ui.public.empty')}</Text>;
  }
  return (
    <Stack gap="md">
      {strengths ? (
        <div data-part="strengths">
          <PartHeading>{t('career.parts.strengths')}</PartHeading>
          {strengths.length === 0 ? <Text size="sm">—</Text> : null}
          {strengths.map((s, i) => (
            <Text key={i} size="sm">
              ・{s.text}
              {s.episode ? `（${s.episode}）` : ''}
            </Text>
          ))}
        </div>
      ) : null}
      {values ? (
        <div data-part="values">
          <PartHeading>{t('career.parts.values')}</PartHeading>
          {values.length === 0 ? <Text size="sm">—</Text> : null}
          <Group gap={4}>
            {values.map((v, i) => (
              <Badge key={i} variant="light" color="grape" tt="none">
                {v.label}
              </Badge>
            ))}
          </Group>
        </div>
      ) : null}
      {skills ? (
        <div data-part="skills">
          <PartHeading>{t('career.parts.skills')}</PartHeading>
          {skills.length === 0 ? <Text size="sm">—</Text> : null}
          <Group gap={4}>
            {skills.map((s) => (
              <Badge key={`${s.id ?? ''}-${s.name}`} variant="light" tt="none">
                {s.name} · {t('career.ui.public.level', { level: s.level })}
              </Badge>
            ))}
          </Group>
        </div>
      ) : null}
      {experiences ? (
        <div data-part="experiences">
          <PartHeading>{t('career.parts.experiences')}</PartHeading>
          {experiences.length === 0 ? <Text size="sm">—</Text> : null}
          <Stack gap={6}>
            {experiences.map((x) => (
              <div key={x.id}>
                <Group gap={6} wrap="wrap">
                  <Text size="sm" fw={600}>
                    {x.title}
                  </Text>
                  <Badge size="sm" variant="outline" tt="none">
                    {t(`career.outcomes.${x.outcome}`)}
                  </Badge>
                  {x.from || x.to ? (
                    <Text size="xs" c="dimmed">
                      {x.from ?? ''}〜{x.to ?? ''}
                    </Text>
                  ) : null}
                </Group>
                {x.role ? <Text size="sm">{`${t('career.ui.experiences.role')}: ${x.role}`}</Text> : null}
                {x.challenge ? (
                  <Text size="sm">{`${t('career.ui.experiences.challenge')}: ${x.challenge}`}</Text>
                ) : null}
                {x.learned ? (
                  <Text size="sm">{`${t('career.ui.experiences.learned')}: ${x.learned}`}</Text>
                ) : null}
              </div>
            ))}
          </Stack>
        </div>
      ) : null}
      {goals ? (
        <div data-part="goals">
          <PartHeading>{t('career.parts.goals')}</PartHeading>
          {!goals.direction && goals.learning.length === 0 ? <Text size="sm">—</Text> : null}
          {goals.direction ? <Text size="sm">{goals.direction.text}</Text> : null}
          {goals.learning.map((g) => (
            <Group key={g.id} gap="xs" wrap="wrap">
              <Text size="sm">
                ・{g.title}
                {g.targetDate ? `（${g.targetDate}）` : ''} {g.progress}%
              </Text>
              {g.skills.length > 0 ? <SkillBadges skills={g.skills} color="blue" /> : null}
            </Group>
          ))}
        </div>
      ) : null}
    </Stack>
  );
}
