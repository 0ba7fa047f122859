export const jaSettings = {
  title: '設定',
  language: '表示言語',
  timeZone: 'タイムゾーン',
  workStart: '始業時刻',
  workEnd: '終業時刻',
  workingHoursHelp: '通知はこの時間内にだけ届きます。時間外の通知は翌朝まで待ちます。',
};
