import { useId } from 'react';
import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CrisisInfo } from './chatState.ts';
import type { ShownContact } from './sse.ts';

function ContactLine({ contact }: { contact: ShownContact }) {
  return (
    <Stack gap={2}>
      <Text fw={600} size="sm">
        {contact.name}
      </Text>
      {contact.description ? (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {contact.description}
        </Text>
      ) : null}
      {contact.phone ? (
        <Anchor size="sm" href={`tel:${contact.phone.replace(/[^0-9+]/g, '')}`}>
          {contact.phone}
        </Anchor>
      ) : null}
      {contact.url && /^https?:\/\//i.test(contact.url) ? (
        <Anchor
          size="sm"
          href={contact.url}
          target="_blank"
          rel="noopener noreferrer"
          style={{ overflowWrap: 'anywhere' }}
        >
          {contact.url}
        </Anchor>
      ) : null}
      {contact.hours ? (
        <Text size="xs" c="dimmed">
          {contact.hours}
        </Text>
      ) : null}
    </Stack>
  );
}

/**
 * Human support contacts, shown at once above the answer when a message suggests a crisis: calm
 * colours and plain words, the company's own contacts first. Nothing about it is sent anywhere.
 */
export function CrisisPanel({ crisis }: { crisis: CrisisInfo }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Card
      withBorder
      padding="md"
      radius="md"
      role="region"
      aria-labelledby={headingId}
      aria-live="polite"
      bg="blue.0"
      style={{ borderColor: 'var(--mantine-color-blue-4)', borderWidth: 2 }}
    >
      <Title order={2} size="h4" id={headingId} mb={4}>
        {t('companion.crisis.heading')}
      </Title>
      <Text size="sm" mb="sm">
        {t('companion.crisis.body')}
      </Text>
      <Stack gap="md">
        {crisis.contacts.length ? (
          <Stack gap="xs">
            <Title order={3} size="h6">
              {t('companion.crisis.companyContacts')}
            </Title>
            {crisis.contacts.map((c, i) => (
              <ContactLine key={`c${i}`} contact={c} />
            ))}
          </Stack>
        ) : null}
        {crisis.publicContacts.length ? (
          <Stack gap="xs">
            <Title order={3} size="h6">
              {t('companion.crisis.publicContacts')}
            </Title>
            {crisis.publicContacts.map((c, i) => (
              <ContactLine key={`p${i}`} contact={c} />
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
