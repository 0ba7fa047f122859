/**
 * Notifications: in-app texts and the e-mail digest. `{{actor}}` is a person's name, `{{subject}}`
 * what it is about (a post title), `{{context}}` where (a community), `{{count}}` a number.
 */
export const jaNotifications = {
  title: '通知',
  empty: '新しい通知はありません。',
  markRead: '既読にする',
  markAllRead: 'すべて既読にする',
  unreadCount: '未読 {{count}} 件',
  urgent: '重要',
  someone: '誰か',
  waitingNote: '勤務時間外に届いた通知は、次の勤務時間の始まりにお知らせします。',
  kind: {
    comment: {
      one: '{{actor}}さんがあなたの投稿「{{subject}}」にコメントしました',
      many: 'あなたの投稿「{{subject}}」に{{count}}件の新しいコメントがあります',
    },
    reply: {
      one: '{{actor}}さんが「{{subject}}」であなたのコメントに返信しました',
      many: '「{{subject}}」であなたのコメントに{{count}}件の返信があります',
    },
    mention: {
      one: '{{actor}}さんが「{{subject}}」であなたをメンションしました',
      many: '「{{subject}}」で{{count}}件のメンションがあります',
    },
    reaction: {
      one: '{{actor}}さんが「{{subject}}」にリアクションしました',
      many: '「{{subject}}」に{{count}}件の新しいリアクションがあります',
    },
    announcement: {
      one: '{{context}}のお知らせ:「{{subject}}」',
      many: '{{context}}のお知らせ:「{{subject}}」ほか{{count}}件',
    },
    application: {
      one: 'あなたが担当する「{{subject}}」に新しい応募があります',
      many: 'あなたが担当する「{{subject}}」に{{count}}件の新しい応募があります',
    },
  },
  digest: {
    subject: '【Engawa】未読の通知が{{count}}件あります',
    greeting: '{{name}}さん',
    intro: '前回のまとめ以降に届いた、未読の通知です。',
    more: 'ほか{{count}}件の通知があります。',
    open: 'Engawa で開く',
    footer:
      'このメールは、あなたの勤務時間の始まりにまとめてお送りしています。受け取る頻度（毎日・毎週・受け取らない）、勤務時間とタイムゾーンは Engawa の設定で変えられます。',
    settings: 'メールの受け取り方を変える',
  },
  urgentMail: {
    subject: '【Engawa・重要】{{title}}',
    intro: '主催者が重要なお知らせとして送りました。',
  },
  bellUnread: '通知（未読 {{count}}件）',
  unreadItem: '未読: {{title}}',
  grouped: '{{count}}件をまとめて表示',
  viewAll: 'すべての通知を見る',
};
