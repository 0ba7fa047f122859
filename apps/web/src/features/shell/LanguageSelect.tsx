import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '@engawa/shared';
import { isLocale } from '../../i18n/index.ts';
import { useLanguage } from './useLanguage.ts';

/**
 * The ja/en switch in the header and on the login page. A native select: keyboard and screen
 * reader friendly, and its label names both languages so anyone can find it.
 */
export function LanguageSelect() {
  const { t } = useTranslation();
  const { locale, change } = useLanguage();
  return (
    <NativeSelect
      aria-label={t('shell.languageSwitch')}
      size="xs"
      w={110}
      value={locale}
      onChange={(event) => {
        const value = event.currentTarget.value;
        if (isLocale(value)) change(value);
      }}
      data={LOCALES.map((l) => ({ value: l, label: t(`shell.languageNames.${l}`) }))}
    />
  );
}
