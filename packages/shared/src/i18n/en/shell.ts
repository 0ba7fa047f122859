import type { CatalogShape } from '../index.ts';
import type { jaShell } from '../ja/shell.ts';

export const enShell: CatalogShape<typeof jaShell> = {
  nav: {
    home: 'Home',
    community: 'Communities',
    companion: 'Career talk',
    career: 'Career',
    thanks: 'Thanks',
    knowhow: 'Know-how',
    admin: 'Admin',
    settings: 'Settings',
  },
  areas: {
    community: 'Communities with a purpose and rules: ask, share what you know and connect with colleagues.',
    companion: 'A private sounding board you can talk to at any time. Nobody else can read it.',
    career: 'Build up your strengths, values and experience, and find trainings, internal postings and more.',
    thanks: "Send thanks cards tied to the company's values.",
    knowhow: 'Share and reuse AI prompts, success stories, and small failures with what was learned.',
  },
  roles: {
    employee: 'Employee',
    manager: 'Manager',
    hr: 'HR',
    organizer: 'Community organizer',
    admin: 'Administrator',
  },
  language: 'Language',
  languageSwitch: 'Language / 言語',
  languageNames: {
    ja: '日本語',
    en: 'English',
  },
  languageSaveFailed: 'Could not save your language setting.',
  mainNav: 'Main menu',
  userMenu: 'User menu ({{name}})',
  openMenu: 'Open menu',
  closeMenu: 'Close menu',
  skipToContent: 'Skip to content',
  backHome: 'Back to Home',
  reload: 'Reload',
  comingSoon: {
    title: 'Coming soon',
    body: '"{{area}}" is not available yet.',
  },
  home: {
    welcome: 'Welcome, {{name}}',
    intro:
      "Engawa is your company's veranda: a place to think things through on your own and to connect with colleagues.",
    areasTitle: 'What you can do',
    ready: 'Available',
    notReady: 'Coming soon',
  },
  notFoundTitle: 'Page not found',
  notFound: 'Check that the address is correct. The page may have been moved or deleted.',
  errors: {
    network: 'Could not reach the server. Check your connection and try again.',
  },
};
