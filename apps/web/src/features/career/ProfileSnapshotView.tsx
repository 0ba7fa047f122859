import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProfileSnapshot } from '@engawa/shared';
import { SkillBadges } from './shared.tsx';

/** Profile parts exactly as a recipient sees them (apply preview, hr's application view). */
export function ProfileSnapshotView({ profile }: { profile: ProfileSnapshot }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {profile.strengths ? (
        <div>
          <Text size="sm" fw={600}>
            {t('career.parts.strengths')}
          </Text>
          {profile.strengths.map((s, i) => (
            <Text key={i} size="sm">
              ・{s.text}
              {s.episode ? `（${s.episode}）` : ''}
            </Text>
          ))}
        </div>
      ) : null}
      {profile.values ? (
        <div>
          <Text size="sm" fw={600}>
            {t('career.parts.values')}
          </Text>
          <Text size="sm">{profile.values.map((v) => v.label).join('、') || '—'}</Text>
        </div>
      ) : null}
      {profile.skills ? (
        <div>
          <Text size="sm" fw={600}>
            {t('career.parts.skills')}
          </Text>
          <Group gap={4}>
            {profile.skills.length === 0 ? <Text size="sm">—</Text> : null}
            {profile.skills.map((s, i) => (
              <Text key={i} size="sm">
                {s.name}（{s.level}）
              </Text>
            ))}
          </Group>
        </div>
      ) : null}
      {profile.experiences ? (
        <div>
          <Text size="sm" fw={600}>
            {t('career.parts.experiences')}
          </Text>
          {profile.experiences.length === 0 ? <Text size="sm">—</Text> : null}
          {profile.experiences.map((x) => (
            <Text key={x.id} size="sm">
              ・{x.title}（{t(`career.outcomes.${x.outcome}`)}）{x.learned ? ` — ${x.learned}` : ''}
            </Text>
          ))}
        </div>
      ) : null}
      {profile.goals ? (
        <div>
          <Text size="sm" fw={600}>
            {t('career.parts.goals')}
          </Text>
          {profile.goals.direction ? <Text size="sm">{profile.goals.direction.text}</Text> : null}
          {profile.goals.learning.map((g) => (
            <Group key={g.id} gap="xs">
              <Text size="sm">
                ・{g.title}
                {g.targetDate ? `（${g.targetDate}）` : ''} {g.progress}%
              </Text>
              <SkillBadges skills={g.skills} color="blue" />
            </Group>
          ))}
        </div>
      ) : null}
    </Stack>
  );
}
