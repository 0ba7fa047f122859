import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the browser tab title ("設定 | Engawa") so tabs, history and screen readers name the page. */
export function usePageTitle(title: string | undefined): void {
  const { t } = useTranslation();
  const appName = t('common.appName');
  useEffect(() => {
    document.title = title ? `${title} | ${appName}` : appName;
  }, [title, appName]);
}
