export const jaSettings = {
  title: '設定',
  account: 'アカウント',
  name: '氏名',
  preferences: '表示と通知',
  language: '表示言語',
  timeZone: 'タイムゾーン',
  timeZoneHelp: '日時の表示と、通知を届ける時間帯の基準になります。都市名で検索できます（例: Tokyo）。',
  timeZoneNothingFound: '該当するタイムゾーンがありません',
  workingHours: '勤務時間',
  workStart: '始業時刻',
  workEnd: '終業時刻',
  workingHoursHelp: '通知はこの時間内にだけ届きます。時間外の通知は翌朝まで待ちます。',
  emailDigest: 'メールでのお知らせ',
  emailDigestHelp:
    '未読の通知をメールでまとめて受け取る頻度です。メールは勤務時間の始まりに届き、時間外には届きません。',
  emailDigestOptions: {
    daily: {
      label: '毎日まとめて',
      help: '勤務日の始業時刻に、前回以降の未読の通知をまとめて送ります。',
    },
    weekly: {
      label: '毎週まとめて',
      help: '毎週月曜日の始業時刻に、1週間分の未読の通知をまとめて送ります。',
    },
    off: {
      label: '受け取らない',
      help: '通知のメールは送りません（重要なお知らせも）。アプリ内の通知はこれまでどおり届きます。',
    },
  },
  saved: '設定を保存しました。',
  saveFailed: '設定を保存できませんでした。',
  sessionsTitle: 'ログイン中の端末',
  sessionsHelp:
    'パソコンやスマートフォンなど、この端末を含むすべての端末からログアウトします。共有の端末でログアウトし忘れたときなどに使ってください。',
};
