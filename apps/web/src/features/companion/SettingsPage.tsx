import { useState, type FormEvent } from 'react';
import {
  Button,
  Card,
  Fieldset,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { COMPANION_LIMITS } from '@engawa/shared';
import { api } from '../../api/client.ts';
import { ApiError, errorMessage } from '../../api/errors.ts';
import { useMe } from '../../api/session.ts';
import { ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { preventImeSubmit } from '../../components/ime.ts';
import { useCompanionKeys, type CompanionInsights, type CompanionSettings } from './api.ts';
import {
  EMPTY_CONTACT,
  settingsFieldErrors,
  toDraft,
  toSettingsBody,
  type ContactDraft,
  type SettingsDraft,
} from './settingsForm.ts';

const CONTACT_FIELDS = ['name', 'description', 'phone', 'url', 'hours'] as const;
const FIELD_LABEL = {
  name: 'contactName',
  description: 'contactDescription',
  phone: 'contactPhone',
  url: 'contactUrl',
  hours: 'contactHours',
} as const;

function SettingsForm({ initial }: { initial: CompanionSettings }) {
  const { t } = useTranslation();
  const keys = useCompanionKeys();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<SettingsDraft>(() => toDraft(initial));
  const save = useMutation({
    mutationFn: (body: CompanionSettings) => api.put<CompanionSettings>('/api/companion/settings', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.settings, saved);
      void queryClient.invalidateQueries({ queryKey: [...keys.all, 'intro'] });
      setDraft(toDraft(saved));
      notifications.show({ color: 'teal', message: t('companion.settings.saved') });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fields.length) return;
      notifications.show({
        color: 'red',
        title: t('companion.settings.saveFailed'),
        message: errorMessage(error, t('errors.common.internal')),
      });
    },
  });
  const errors = settingsFieldErrors(save.error, draft);

  const setContact = (index: number, field: keyof ContactDraft, value: string) =>
    setDraft((d) => ({
      ...d,
      contacts: d.contacts.map((c, i) => (i === index ? { ...c, [field]: value } : c)),
    }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(toSettingsBody(draft));
  };

  return (
    <form onSubmit={onSubmit} onKeyDown={preventImeSubmit} noValidate>
      <Stack gap="lg">
        <Card withBorder padding="lg" component="section" aria-labelledby="companion-settings-policy">
          <Title order={2} size="h4" id="companion-settings-policy" mb={4}>
            {t('companion.settings.aiPolicyHeading')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('companion.settings.aiPolicyHelp')}
          </Text>
          <Stack gap="md">
            <Textarea
              label={t('companion.settings.aiPolicyJa')}
              value={draft.aiPolicyJa}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setDraft((d) => ({ ...d, aiPolicyJa: value }));
              }}
              autosize
              minRows={4}
              maxRows={14}
              maxLength={COMPANION_LIMITS.aiPolicyMax}
              error={errors.aiPolicyJa}
            />
            <Textarea
              label={t('companion.settings.aiPolicyEn')}
              value={draft.aiPolicyEn}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setDraft((d) => ({ ...d, aiPolicyEn: value }));
              }}
              autosize
              minRows={4}
              maxRows={14}
              maxLength={COMPANION_LIMITS.aiPolicyMax}
              error={errors.aiPolicyEn}
            />
          </Stack>
        </Card>

        <Card withBorder padding="lg" component="section" aria-labelledby="companion-settings-contacts">
          <Title order={2} size="h4" id="companion-settings-contacts" mb={4}>
            {t('companion.settings.crisisContacts')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('companion.settings.contactsHelp')}
          </Text>
          <Stack gap="md">
            {draft.contacts.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('companion.settings.noContacts')}
              </Text>
            ) : null}
            {draft.contacts.map((contact, i) => (
              <Fieldset key={i} legend={t('companion.settings.contactLabel', { n: i + 1 })}>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  {CONTACT_FIELDS.map((field) => (
                    <TextInput
                      key={field}
                      label={t(`companion.settings.${FIELD_LABEL[field]}`)}
                      placeholder={
                        field === 'hours' ? t('companion.settings.contactHoursPlaceholder') : undefined
                      }
                      type={field === 'url' ? 'url' : field === 'phone' ? 'tel' : 'text'}
                      value={contact[field]}
                      onChange={(e) => setContact(i, field, e.currentTarget.value)}
                      required={field === 'name'}
                      error={errors[`contacts.${i}.${field}`]}
                      style={field === 'description' ? { gridColumn: '1 / -1' } : undefined}
                    />
                  ))}
                </SimpleGrid>
                <Group justify="flex-end" mt="sm">
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    onClick={() =>
                      setDraft((d) => ({ ...d, contacts: d.contacts.filter((_, j) => j !== i) }))
                    }
                  >
                    {t('companion.settings.removeContact')}
                  </Button>
                </Group>
              </Fieldset>
            ))}
            <Group gap="sm">
              <Button
                variant="light"
                onClick={() => setDraft((d) => ({ ...d, contacts: [...d.contacts, { ...EMPTY_CONTACT }] }))}
                disabled={draft.contacts.length >= COMPANION_LIMITS.crisisContactsMax}
              >
                {t('companion.settings.addContact')}
              </Button>
              {draft.contacts.length >= COMPANION_LIMITS.crisisContactsMax ? (
                <Text size="xs" c="dimmed">
                  {t('companion.settings.maxContacts', { max: COMPANION_LIMITS.crisisContactsMax })}
                </Text>
              ) : null}
            </Group>
          </Stack>
        </Card>

        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('companion.settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function InsightsCard() {
  const { t } = useTranslation();
  const keys = useCompanionKeys();
  const insights = useQuery({
    queryKey: keys.insights,
    queryFn: () => api.get<CompanionInsights>('/api/companion/insights'),
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="companion-insights">
      <Title order={2} size="h4" id="companion-insights" mb={4}>
        {t('companion.insights.heading')}
      </Title>
      {insights.isPending ? (
        <LoadingState />
      ) : insights.isError ? (
        <ErrorState error={insights.error} onRetry={() => void insights.refetch()} />
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="sm">
            {t('companion.insights.explanation', { k: insights.data.kThreshold })}
          </Text>
          <Table.ScrollContainer minWidth={280}>
            <Table striped withTableBorder>
              <Table.Tbody>
                {[...insights.data.months].reverse().map((m) => (
                  <Table.Tr key={m.month}>
                    <Table.Th scope="row" fw={500}>
                      {m.month}
                    </Table.Th>
                    <Table.Td>
                      {m.status === 'open'
                        ? t('companion.insights.open')
                        : m.suppressed || m.users === null
                          ? t('companion.insights.suppressed', { k: insights.data.kThreshold })
                          : m.users}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Card>
  );
}

/**
 * キャリア相談の設定 (hr only): the company's AI role-and-limits text in Japanese and English, the
 * support contacts shown on a crisis, and the only figure about use — a company-wide monthly count.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const keys = useCompanionKeys();
  const isHr = me.roles.includes('hr');
  const settings = useQuery({
    queryKey: keys.settings,
    queryFn: () => api.get<CompanionSettings>('/api/companion/settings'),
    enabled: isHr,
    staleTime: 0,
  });
  if (!isHr) return <Text>{t('shell.notFound')}</Text>;
  return (
    <Stack gap="lg" maw={860}>
      <Stack gap={4}>
        <Title order={2} size="h3">
          {t('companion.settings.heading')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('companion.settings.help')}
        </Text>
      </Stack>
      {settings.isPending ? (
        <LoadingState />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm initial={settings.data} />
      )}
      <InsightsCard />
    </Stack>
  );
}
