import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader.tsx';

/** Unknown paths (and pages the user may not see): a plain message and the way home. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start">
      <PageHeader title={t('shell.notFoundTitle')} />
      <Text>{t('shell.notFound')}</Text>
      <Button component={Link} to="/" variant="light">
        {t('shell.backHome')}
      </Button>
    </Stack>
  );
}
