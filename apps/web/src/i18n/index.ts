import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, LOCALES, en, ja, type Locale } from '@engawa/shared';

const STORAGE_KEY = 'engawa.locale';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof ja };
  }
}

/** True for the locales the product ships ("ja", "en"). */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * The language before anyone signs in: what this browser chose last, else Japanese (the product is
 * Japanese first). Once signed in, the user's saved locale replaces it (see applyLocale).
 */
export const initialLocale: Locale =
  typeof window === 'undefined' ? DEFAULT_LOCALE : (storedLocale() ?? DEFAULT_LOCALE);

/** The i18next instance, loaded with the shared catalogs (ja is the source, en mirrors it). */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { ja: { translation: ja }, en: { translation: en } },
  lng: initialLocale,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  defaultNS: 'translation',
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

/**
 * Switches the UI language, remembers it in this browser (for the login page) and keeps
 * `<html lang>` in step so screen readers and fonts pick the right language.
 */
export function applyLocale(locale: Locale): void {
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}

/** The current UI language as a Locale. */
export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}
