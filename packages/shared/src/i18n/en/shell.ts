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
  language: 'Language',
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
  notFound: 'Page not found.',
};
