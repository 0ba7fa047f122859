export const jaShell = {
  nav: {
    home: 'ホーム',
    community: 'コミュニティ',
    companion: 'キャリア相談',
    career: 'キャリア',
    thanks: 'サンクス',
    knowhow: 'ナレッジ',
    admin: '管理',
    settings: '設定',
  },
  language: '言語',
  comingSoon: {
    title: '準備中',
    body: '「{{area}}」はまだ準備中です。公開されるまでお待ちください。',
  },
  home: {
    welcome: 'ようこそ、{{name}}さん',
    intro: 'Engawa は、ひとりで考えを整理し、仲間とつながるための社内の縁側です。',
    areasTitle: 'できること',
    ready: '利用できます',
    notReady: '準備中',
  },
  notFound: 'ページが見つかりませんでした。',
};
