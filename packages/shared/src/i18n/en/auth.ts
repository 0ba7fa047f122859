import type { CatalogShape } from '../index.ts';
import type { jaAuth } from '../ja/auth.ts';

export const enAuth: CatalogShape<typeof jaAuth> = {
  title: 'Log in',
  tagline: "Your company's veranda: think things through and connect with colleagues.",
  email: 'E-mail address',
  password: 'Password',
  showPassword: 'Show password',
  submit: 'Log in',
  sso: 'Log in with single sign-on',
  ssoWith: 'Log in with single sign-on ({{label}})',
  or: 'or',
  logout: 'Log out',
  logoutEverywhere: 'Log out of all devices',
  loggedOut: 'You have logged out.',
  loggedOutEverywhere: 'You have logged out of all devices.',
  demoTitle: 'Demo accounts',
  demoHint: "Try Engawa right away with the demo company's accounts.",
  demoPassword: 'Shared password:',
  demoUse: 'Fill in',
  demoUseFor: 'Fill in the account of {{name}} ({{role}})',
};
