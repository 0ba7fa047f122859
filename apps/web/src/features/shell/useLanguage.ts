import { useMutation } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@engawa/shared';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { useSession, useSetMe, type Me } from '../../api/session.ts';
import { applyLocale, currentLocale } from '../../i18n/index.ts';

/**
 * The UI language and how to change it. Before sign-in the choice lives in this browser only;
 * signed in, it is also saved to the account (PATCH /api/me) so every device follows it.
 */
export function useLanguage() {
  // useTranslation re-renders the caller when the language changes.
  const { t } = useTranslation();
  const { data: session } = useSession();
  const setMe = useSetMe();
  const save = useMutation({
    mutationFn: (locale: Locale) => api.patch<Me>('/api/me', { locale }),
    onSuccess: setMe,
    onError: (error) =>
      notifications.show({
        color: 'red',
        title: t('shell.languageSaveFailed'),
        message: errorMessage(error, t('errors.common.internal')),
      }),
  });

  const change = (locale: Locale) => {
    applyLocale(locale);
    if (session?.user && session.user.locale !== locale) save.mutate(locale);
  };

  return { locale: currentLocale(), change };
}
