export const jaAuth = {
  title: 'ログイン',
  tagline: '考えを整理し、仲間とつながる、社内の縁側。',
  email: 'メールアドレス',
  password: 'パスワード',
  submit: 'ログイン',
  sso: 'シングルサインオンでログイン',
  or: 'または',
  logout: 'ログアウト',
  logoutEverywhere: 'すべての端末からログアウト',
  demoHint: 'デモ用アカウントでログインできます（README を参照）。',
};
