import { Badge, Card, Grid, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { AREAS } from '../../routes/areas.tsx';
import { FeedSection } from '../community/FeedSection.tsx';

/**
 * Home: a greeting by name, the feed of my communities and company announcements (live), and every
 * area of the product with whether it can be used yet.
 */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('shell.home.welcome', { name: me.name })} description={t('shell.home.intro')} />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <FeedSection />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Title order={2} size="h4" mb="sm" id="areas-title">
            {t('shell.home.areasTitle')}
          </Title>
          <SimpleGrid
            cols={{ base: 1, sm: 2, lg: 1 }}
            spacing="sm"
            component="ul"
            aria-labelledby="areas-title"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {AREAS.map((area) => (
              <li key={area.key}>
                <Card withBorder padding="md" h="100%" component={Link} to={area.path}>
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                    <Text fw={700}>{t(`shell.nav.${area.key}`)}</Text>
                    <Badge color={area.ready ? 'teal' : 'gray'} variant="light" style={{ flexShrink: 0 }}>
                      {area.ready ? t('shell.home.ready') : t('shell.home.notReady')}
                    </Badge>
                  </Group>
                  <Text size="sm" c="dimmed" mt="xs">
                    {t(`shell.areas.${area.key}`)}
                  </Text>
                </Card>
              </li>
            ))}
          </SimpleGrid>
        </Grid.Col>
      </Grid>
    </>
  );
}
