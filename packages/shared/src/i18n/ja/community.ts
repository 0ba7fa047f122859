/**
 * Community texts (コミュニティ). The company code of conduct lives here so that it is shown in the
 * reader's language and versioned with the product (CODE_OF_CONDUCT_VERSION in community.ts).
 */
export const jaCommunity = {
  codeOfConduct: {
    title: '行動規範',
    intro:
      'Engawaは、部署や役職をこえて学び合い、支え合うための場です。初めて投稿する前に、次の約束を確認してください。',
    respect: '相手への敬意を忘れずに。人格を否定する言葉、差別、ハラスメントは書きません。',
    openness:
      '開かれた場を大切に。ここでの投稿は原則として全社に公開されます。迷ったら、公開の場で話しましょう。',
    safety:
      '試行錯誤を歓迎します。小さな失敗とそこから学んだことは、組織の財産です。失敗した人を責めません。',
    privacy: '個人情報や機密情報を書きません。他の人の評価や健康、私生活について、本人の同意なく書きません。',
    ai: 'AIの出力は、確かめてから共有します。出典や使ったツールを書き添えると、みんなの学びになります。',
    report:
      '不快な投稿を見つけたら「報告」してください。運営者と管理者が確認します。報告した人の名前が相手に伝わることはありません。',
    acknowledge: '行動規範を確認しました',
  },
  firstVisit: {
    purpose: 'このコミュニティの目的',
    rules: 'このコミュニティのルール',
    acknowledge: '目的とルールを確認しました',
  },
  visibility: {
    open: '全社に公開',
    private: '非公開',
  },
  kinds: {
    post: '投稿',
    question: '質問',
    announcement: 'お知らせ',
    prompt_recipe: 'プロンプトレシピ',
    success_case: '成功事例',
    small_failure: '小さな失敗と学び',
  },
  fields: {
    goal: '目的',
    prompt: 'プロンプト',
    exampleOutput: '出力例',
    tips: 'コツ・注意点',
    tool: '使ったツール・モデル',
    challenge: '取り組んだ課題',
    approach: 'やったこと',
    result: '結果',
    tried: '試したこと',
    happened: '起きたこと',
    learned: '学んだこと',
  },
  reactions: {
    thumbsup: 'いいね',
    heart: 'すき',
    laugh: 'わらった',
    tada: 'おめでとう',
    pray: 'ありがとう',
    eyes: '見ました',
    bulb: 'なるほど',
    clap: 'すごい',
  },
  signals: {
    used: '使ってみた',
    helped: '役に立った',
  },
  audience: {
    community: 'コミュニティ内',
    company: '全社',
  },
  post: {
    deleted: 'この投稿は削除されました。',
    commentDeleted: 'このコメントは削除されました。',
    hidden: 'この投稿は運営者によって非表示になっています。',
    edited: '編集済み',
    pinned: 'ピン留め',
    acceptedAnswer: 'ベストアンサー',
    confirmRead: '確認しました',
    unread: '未読',
  },
  moderation: {
    hide: '非表示にする',
    restore: '再表示する',
    dismiss: '問題なしとして閉じる',
  },
  webhook: {
    author: '{{name}}（Webhook）',
  },
};
