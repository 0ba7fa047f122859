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
    sso_no_account:
      'このメールアドレスのアカウントはまだありません。管理者にアカウントの作成を依頼してください。',
    sso_email_unverified:
      'シングルサインオンから確認済みのメールアドレスを受け取れませんでした。管理者にお問い合わせください。',
    sso_account_conflict:
      'このメールアドレスのアカウントは、別のシングルサインオンのIDに紐づいています。管理者にお問い合わせください。',
  },
  identity: {
    email_taken: 'このメールアドレスは既に使われています。',
    department_code_taken: 'この部署コードは既に使われています。',
    department_cycle: '部署を自分自身の配下に移動することはできません。',
    department_not_empty: '所属する人や下位の部署がある部署は削除できません。',
    unknown_department: '指定された部署が見つかりません。',
    unknown_user: '指定されたユーザーが見つかりません。',
    last_admin: '最後の管理者を無効にしたり、管理者の権限を外したりすることはできません。',
    invalid_time_zone: 'タイムゾーンが正しくありません。',
    invalid_working_hours: '勤務時間は 09:00 のような形式で、始業と終業を別の時刻にしてください。',
  },
  csv: {
    invalid:
      'CSVに誤りがあります。1件も取り込んでいません。下の一覧の行を直してから、もう一度アップロードしてください。',
    too_large: 'CSVファイルが大きすぎます。',
  },
  community: {
    private_reason_required: '非公開のコミュニティにするには、理由を書いてください。',
    rules_ack_required: '投稿する前に、このコミュニティの目的とルールを確認してください。',
    code_of_conduct_ack_required: '初めての投稿の前に、行動規範を確認してください。',
    membership_required: '投稿やコメントをするには、まずコミュニティに参加してください。',
    last_organizer: 'コミュニティには少なくとも1人の運営者が必要です。先に別の運営者を追加してください。',
    name_taken: '同じ名前のコミュニティが既にあります。参加するか、別の名前にしてください。',
    company_wide_not_allowed: '全社へのお知らせは、公開コミュニティで管理者または人事だけが出せます。',
    announcement_organizers_only: 'お知らせはコミュニティの運営者だけが投稿できます。',
    not_a_question: 'ベストアンサーを選べるのは質問の投稿だけです。',
    comment_not_in_post: 'このコメントはこの投稿のものではありません。',
    reply_too_deep: '返信への返信はできません。元のコメントに返信してください。',
    signal_not_applicable: '「使ってみた」「役に立った」はノウハウ投稿にだけ付けられます。',
    confirmation_not_requested: 'このお知らせは確認を求めていません。',
    attachment_type_refused:
      'このファイル形式は添付できません（画像: PNG・JPEG・GIF・WebP、文書: PDF・テキスト・CSV・Word・Excel・PowerPoint）。',
    attachment_too_large: 'ファイルが大きすぎます（上限 {{maxMb}}MB）。',
    attachment_missing: 'ファイルが選ばれていません。',
    attachment_unavailable: '添付できないファイルが含まれています。もう一度アップロードしてください。',
    too_many_webhooks:
      'このコミュニティのWebhookが上限に達しています。使っていないものを無効にしてください。',
    webhook_invalid_payload:
      'Webhookの内容を読み取れませんでした（text・blocks・attachments のいずれかが必要です）。',
    urgent_announcement_limit:
      '勤務時間外にも届く重要なお知らせは、1つのコミュニティで{{windowHours}}時間に1件までです。次に出せるのは約{{hours}}時間後です。「重要」にしなければ、今すぐ投稿できます（各自の勤務時間に届きます）。',
  },
  vault: {
    unavailable: '非公開データを開けませんでした。時間をおいてもう一度お試しください。',
  },
  companion: {
    model_failed:
      'AIからの応答を受け取れませんでした。あなたのメッセージは失われていません。少し待ってからもう一度送ってください。',
    model_timeout:
      'AIの応答に時間がかかりすぎたため中断しました。あなたのメッセージは失われていません。もう一度送ってください。',
    conversation_full: 'この会話はこれ以上長くできません。新しい会話を始めてください。',
    history_too_large: 'これまでのやりとりが長すぎます。新しい会話を始めてください。',
  },
  realtime: {
    origin_forbidden: 'このページからはライブ更新に接続できません。',
    upgrade_required: 'この URL は WebSocket 接続専用です。',
  },
  notifications: {
    invalid_cursor: '通知一覧の続きを読み込めませんでした。最初から読み込み直してください。',
  },
  search: {
    query_required: '検索する言葉を入力してください。',
    invalid_cursor: '検索結果の続きを読み込めませんでした。もう一度検索してください。',
  },
  career: {
    opportunity_closed: 'この機会の募集は終了しています。',
    own_opportunity: '自分が担当している機会には応募できません。',
    preview_outdated:
      '確認画面を表示したあとにプロフィールが変わりました。もう一度、送られる内容を確認してください。',
    opportunity_has_applications: '応募がある機会は削除できません。募集を終了してください。',
    recipient_changed:
      '確認画面を表示したあとに、この機会の担当者（応募の送り先）が変わりました。新しい送り先を確認してから、もう一度応募してください。',
    profile_outdated:
      'プロフィールが別の画面で更新されています。最新の内容を確認してから、もう一度公開してください。',
  },
  oneonone: {
    no_manager: '上司が設定されていないため、共有できません。',
    no_summary: 'この会話にはまだまとめがありません。先に「まとめる」を使ってください。',
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
    invalid_encoding:
      '文字コードを読み取れません。UTF-8で保存してください（Excelでは「CSV UTF-8（コンマ区切り）」）',
    unknown_column: '使えない列名です',
    missing_column: '必須の列がありません',
    last_admin: '最後の管理者の権限は外せません',
    too_many_issues: '誤りが多すぎるため、ここで確認を打ち切りました',
  },
};
