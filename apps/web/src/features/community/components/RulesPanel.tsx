import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Community } from '../types.ts';

/** A community's purpose and rules as plain text (line breaks kept), for the first visit and the gate. */
export function PurposeAndRules({
  community,
  headingOrder = 3,
}: {
  community: Pick<Community, 'purpose' | 'rules'>;
  headingOrder?: 2 | 3 | 4;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <div>
        <Title order={headingOrder} size="h5" mb={4}>
          {t('community.firstVisit.purpose')}
        </Title>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {community.purpose}
        </Text>
      </div>
      <div>
        <Title order={headingOrder} size="h5" mb={4}>
          {t('community.firstVisit.rules')}
        </Title>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {community.rules}
        </Text>
      </div>
    </Stack>
  );
}
