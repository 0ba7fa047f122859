import { useMemo, useState, type FormEvent } from 'react';
import {
  Button,
  Card,
  Fieldset,
  Group,
  NativeSelect,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { EMAIL_DIGESTS, LOCALES, isEmailDigest, type EmailDigest, type Locale } from '@engawa/shared';
import { api } from '../../api/client.ts';
import { ApiError, errorMessage } from '../../api/errors.ts';
import { useFieldErrors } from '../../components/useFieldErrors.ts';
import { useMe, useSetMe, type Me } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { preventImeSubmit } from '../../components/ime.ts';
import { isLocale } from '../../i18n/index.ts';
import { useLogout } from '../shell/UserMenu.tsx';
import { timeZoneOptions } from './timeZones.ts';
import { normalizeHhmm } from './workingHours.ts';

interface SettingsForm {
  locale: Locale;
  timeZone: string;
  workStart: string;
  workEnd: string;
  emailDigest: EmailDigest;
}

/**
 * 設定: language, time zone, working hours and notification e-mail of the signed-in person, and
 * signing out everywhere.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const setMe = useSetMe();
  const [form, setForm] = useState<SettingsForm>({
    locale: me.locale,
    timeZone: me.timeZone,
    workStart: me.workStart,
    workEnd: me.workEnd,
    emailDigest: me.emailDigest,
  });
  const zones = useMemo(() => timeZoneOptions(me.timeZone), [me.timeZone]);
  const logoutAll = useLogout('/api/auth/logout-all');

  const save = useMutation({
    mutationFn: (body: SettingsForm) => api.patch<Me>('/api/me', body),
    onSuccess: (updated) => {
      setMe(updated);
      setForm({
        locale: updated.locale,
        timeZone: updated.timeZone,
        workStart: updated.workStart,
        workEnd: updated.workEnd,
        emailDigest: updated.emailDigest,
      });
      notifications.show({ color: 'teal', message: t('settings.saved') });
    },
    onError: (error) => {
      // Field problems are shown beside their inputs; anything else as a notification.
      if (error instanceof ApiError && error.fields.length > 0) return;
      notifications.show({
        color: 'red',
        title: t('settings.saveFailed'),
        message: errorMessage(error, t('errors.common.internal')),
      });
    },
  });
  const { errors, touch } = useFieldErrors(save.error);
  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    touch(key);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate({ ...form, workStart: normalizeHhmm(form.workStart), workEnd: normalizeHhmm(form.workEnd) });
  };

  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Stack gap="lg" maw={720}>
        <Card withBorder padding="lg" component="section" aria-labelledby="settings-account">
          <Title order={2} size="h4" id="settings-account" mb="sm">
            {t('settings.account')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <div>
              <Text size="xs" c="dimmed">
                {t('settings.name')}
              </Text>
              <Text>{me.name}</Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                {t('auth.email')}
              </Text>
              <Text style={{ overflowWrap: 'anywhere' }}>{me.email}</Text>
            </div>
          </SimpleGrid>
        </Card>

        <Card withBorder padding="lg" component="section" aria-labelledby="settings-preferences">
          <Title order={2} size="h4" id="settings-preferences" mb="sm">
            {t('settings.preferences')}
          </Title>
          <form onSubmit={onSubmit} onKeyDown={preventImeSubmit} noValidate>
            <Stack gap="md">
              <NativeSelect
                label={t('settings.language')}
                value={form.locale}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  if (isLocale(value)) set('locale', value);
                }}
                data={LOCALES.map((l) => ({ value: l, label: t(`shell.languageNames.${l}`) }))}
                error={errors.locale}
                maw={320}
              />
              <Select
                label={t('settings.timeZone')}
                description={t('settings.timeZoneHelp')}
                searchable
                data={zones}
                value={form.timeZone}
                onChange={(value) => value && set('timeZone', value)}
                allowDeselect={false}
                nothingFoundMessage={t('settings.timeZoneNothingFound')}
                limit={100}
                error={errors.timeZone}
                maw={420}
                comboboxProps={{ withinPortal: true }}
              />
              <Fieldset
                legend={t('settings.workingHours')}
                variant="unstyled"
                aria-describedby="working-hours-help"
              >
                <Text size="xs" c="dimmed" id="working-hours-help" mb="xs">
                  {t('settings.workingHoursHelp')}
                </Text>
                <Group gap="md" align="flex-start">
                  <TextInput
                    label={t('settings.workStart')}
                    placeholder="09:00"
                    inputMode="numeric"
                    autoComplete="off"
                    maxLength={8}
                    value={form.workStart}
                    onChange={(e) => set('workStart', e.currentTarget.value)}
                    onBlur={(e) => set('workStart', normalizeHhmm(e.currentTarget.value))}
                    error={errors.workStart}
                    w={140}
                  />
                  <TextInput
                    label={t('settings.workEnd')}
                    placeholder="09:00"
                    inputMode="numeric"
                    autoComplete="off"
                    maxLength={8}
                    value={form.workEnd}
                    onChange={(e) => set('workEnd', e.currentTarget.value)}
                    onBlur={(e) => set('workEnd', normalizeHhmm(e.currentTarget.value))}
                    error={errors.workEnd}
                    w={140}
                  />
                </Group>
              </Fieldset>
              <Radio.Group
                label={t('settings.emailDigest')}
                description={t('settings.emailDigestHelp')}
                value={form.emailDigest}
                onChange={(value) => {
                  if (isEmailDigest(value)) set('emailDigest', value);
                }}
                error={errors.emailDigest}
              >
                <Stack gap="sm" mt="xs">
                  {EMAIL_DIGESTS.map((d) => (
                    <Radio
                      key={d}
                      value={d}
                      label={t(`settings.emailDigestOptions.${d}.label`)}
                      description={t(`settings.emailDigestOptions.${d}.help`)}
                    />
                  ))}
                </Stack>
              </Radio.Group>
              <Group>
                <Button type="submit" loading={save.isPending}>
                  {t('common.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>

        <Card withBorder padding="lg" component="section" aria-labelledby="settings-sessions">
          <Title order={2} size="h4" id="settings-sessions" mb="xs">
            {t('settings.sessionsTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('settings.sessionsHelp')}
          </Text>
          <Group>
            <Button
              color="red"
              variant="light"
              loading={logoutAll.isPending}
              onClick={() => logoutAll.mutate()}
            >
              {t('auth.logoutEverywhere')}
            </Button>
          </Group>
        </Card>
      </Stack>
    </>
  );
}
