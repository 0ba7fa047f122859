import { Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/index.ts';
import type { CompanionIntro } from './api.ts';

const WHAT = ['listens', 'asks', 'organises', 'suggests'] as const;
const NOT_FOR = ['judge', 'decide', 'replace'] as const;
const PROMISES = [
  'nobodyCanRead',
  'neverEvaluation',
  'usageNotRecorded',
  'ephemeralDefault',
  'encrypted',
  'crisis',
] as const;

/** The company's AI role-and-limits text in the reader's language, else the other one. */
export function companyPolicy(intro: CompanionIntro): string | null {
  const { ja, en } = intro.aiPolicy;
  return currentLocale() === 'en' ? (en ?? ja) : (ja ?? en);
}

/**
 * What the employee reads before typing: what this AI is for and what it is not, the privacy
 * promise, and the company's own AI role-and-limits text (set by hr).
 */
export function IntroPanel({ intro }: { intro: CompanionIntro }) {
  const { t } = useTranslation();
  const policy = companyPolicy(intro);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Card withBorder padding="md" component="section" aria-labelledby="companion-what">
          <Title order={2} size="h5" id="companion-what" mb={6}>
            {t('companion.intro.whatHeading')}
          </Title>
          <Text size="sm" mb="xs">
            {t('companion.intro.what')}
          </Text>
          <List size="sm" spacing={4}>
            {WHAT.map((k) => (
              <List.Item key={k}>{t(`companion.intro.whatItems.${k}`)}</List.Item>
            ))}
          </List>
        </Card>
        <Card withBorder padding="md" component="section" aria-labelledby="companion-not-for">
          <Title order={2} size="h5" id="companion-not-for" mb={6}>
            {t('companion.intro.notForHeading')}
          </Title>
          <Text size="sm" mb="xs">
            {t('companion.intro.notFor')}
          </Text>
          <List size="sm" spacing={4}>
            {NOT_FOR.map((k) => (
              <List.Item key={k}>{t(`companion.intro.notForItems.${k}`)}</List.Item>
            ))}
          </List>
        </Card>
      </SimpleGrid>

      <Card
        withBorder
        padding="md"
        component="section"
        aria-labelledby="companion-privacy"
        bg="teal.0"
        style={{ borderColor: 'var(--mantine-color-teal-3)' }}
      >
        <Title order={2} size="h5" id="companion-privacy" mb={6}>
          {t('companion.privacy.heading')}
        </Title>
        <List size="sm" spacing={4}>
          {PROMISES.map((k) => (
            <List.Item key={k}>{t(`companion.privacy.${k}`)}</List.Item>
          ))}
        </List>
      </Card>

      <Card withBorder padding="md" component="section" aria-labelledby="companion-policy">
        <Title order={2} size="h5" id="companion-policy" mb={6}>
          {t('companion.intro.companyPolicyHeading')}
        </Title>
        {policy ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {policy}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('companion.intro.companyPolicyMissing')}
          </Text>
        )}
        <Text size="xs" c="dimmed" mt="sm">
          {intro.engine === 'llm' ? t('companion.intro.engineLlm') : t('companion.intro.engineOffline')}
        </Text>
      </Card>
    </Stack>
  );
}

/** The privacy promise in one line, always beside the message box (principle 2). */
export function PrivacyPromise() {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="teal.9" role="note" aria-label={t('companion.promise.label')}>
      {t('companion.promise.short')}
    </Text>
  );
}
