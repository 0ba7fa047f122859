import { Badge, Button, Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import type { AreaKey } from '../../routes/areas.tsx';

/** The honest placeholder of an area that is not built yet: its name, 準備中, and nothing fake. */
export function ComingSoonPage({ area }: { area: AreaKey }) {
  const { t } = useTranslation();
  const name = t(`shell.nav.${area}`);
  return (
    <>
      <PageHeader title={name} />
      <Card withBorder padding="xl" maw={640}>
        <Stack gap="sm" align="flex-start">
          <Badge color="gray" variant="light" size="lg">
            {t('shell.comingSoon.title')}
          </Badge>
          <Text>{t('shell.comingSoon.body', { area: name })}</Text>
          <Text size="sm" c="dimmed">
            {t(`shell.areas.${area}`)}
          </Text>
          <Button component={Link} to="/" variant="light">
            {t('shell.backHome')}
          </Button>
        </Stack>
      </Card>
    </>
  );
}
