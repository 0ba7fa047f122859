import type { CatalogShape } from '../index.ts';
import type { jaAuth } from '../ja/auth.ts';

export const enAuth: CatalogShape<typeof jaAuth> = {
  title: 'Sign in',
  tagline: "Your company's veranda: think things through and connect with colleagues.",
  email: 'E-mail address',
  password: 'Password',
  submit: 'Sign in',
  sso: 'Sign in with single sign-on',
  or: 'or',
  logout: 'Sign out',
  logoutEverywhere: 'Sign out on all devices',
  demoHint: 'You can sign in with a demo account (see the README).',
};
