/** Error texts keyed by error code (the dot in a code becomes nesting). */
export const jaErrors = {
  common: {
    validation: '入力内容を確認してください。',
    not_found: '見つかりませんでした。',
    unauthenticated: 'ログインしてください。',
    forbidden: 'この操作を行う権限がありません。',
    csrf: 'ページの有効期限が切れました。再読み込みしてからもう一度お試しください。',
    rate_limited: 'リクエストが多すぎます。しばらく待ってからもう一度お試しください。',
    conflict: '他の変更と競合しました。再読み込みしてください。',
    internal: '問題が発生しました。時間をおいてもう一度お試しください。',
    payload_too_large: 'ファイルまたは入力が大きすぎます。',
    not_ready: 'サービスの準備ができていません。',
  },
  auth: {
    invalid_credentials: 'メールアドレスまたはパスワードが正しくありません。',
    locked:
      'ログインの失敗が続いたため、このアカウントは一時的にロックされています。{{minutes}}分後にもう一度お試しください。',
    sso_not_configured: 'シングルサインオンは設定されていません。',
    sso_failed: 'シングルサインオンでのログインに失敗しました。もう一度お試しください。',
    account_disabled: 'このアカウントは無効になっています。管理者にお問い合わせください。',
    password_login_disabled:
      'このアカウントはパスワードでログインできません。シングルサインオンをご利用ください。',
  },
  identity: {
    email_taken: 'このメールアドレスは既に使われています。',
    department_code_taken: 'この部署コードは既に使われています。',
    department_cycle: '部署を自分自身の配下に移動することはできません。',
    department_not_empty: '所属する人や下位の部署がある部署は削除できません。',
    unknown_department: '指定された部署が見つかりません。',
    unknown_user: '指定されたユーザーが見つかりません。',
    last_admin: '最後の管理者の権限は外せません。',
    invalid_time_zone: 'タイムゾーンが正しくありません。',
    invalid_working_hours: '勤務時間の形式が正しくありません（例: 09:00）。',
  },
  csv: {
    invalid:
      'CSVに誤りがあります。1件も取り込んでいません。下の一覧の行を直してから、もう一度アップロードしてください。',
    too_large: 'CSVファイルが大きすぎます。',
  },
  field: {
    required: '必須です',
    too_long: '長すぎます',
    too_short: '短すぎます',
    invalid_email: 'メールアドレスの形式が正しくありません',
    invalid_format: '形式が正しくありません',
    invalid_value: '値が正しくありません',
    duplicate: 'ファイル内で重複しています',
    unknown_reference: '参照先が見つかりません',
    taken: '既に使われています',
    cycle: '親子関係が循環しています',
  },
};
