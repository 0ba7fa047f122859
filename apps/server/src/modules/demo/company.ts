import type { StoredRole } from '@engawa/shared';

/**
 * The demo company, 株式会社えんがわ商事: a fixed roster (same people every time) so screenshots,
 * e2e journeys and the README can name real-looking colleagues. Data only; seed.ts writes it.
 */
export const DEMO_COMPANY_NAME = '株式会社えんがわ商事';
export const DEMO_EMAIL_DOMAIN = 'demo.engawa.example';

export interface DemoDepartment {
  code: string;
  name: string;
  nameEn: string;
  parent: string | null;
}

export const DEMO_DEPARTMENTS: readonly DemoDepartment[] = [
  { code: 'CORP', name: '経営企画部', nameEn: 'Corporate Planning', parent: null },
  { code: 'HR', name: '人事部', nameEn: 'Human Resources', parent: null },
  { code: 'SALES', name: '営業本部', nameEn: 'Sales Division', parent: null },
  { code: 'SALES1', name: '第一営業部', nameEn: 'Sales Department 1', parent: 'SALES' },
  { code: 'SALES2', name: '第二営業部', nameEn: 'Sales Department 2', parent: 'SALES' },
  { code: 'ENG', name: '開発本部', nameEn: 'Engineering Division', parent: null },
  { code: 'PROD', name: 'プロダクト開発部', nameEn: 'Product Development', parent: 'ENG' },
  { code: 'PLAT', name: '基盤開発部', nameEn: 'Platform Engineering', parent: 'ENG' },
  { code: 'CS', name: 'カスタマーサクセス部', nameEn: 'Customer Success', parent: null },
  { code: 'GA', name: '総務部', nameEn: 'General Affairs', parent: null },
];

export interface DemoPerson {
  dept: string;
  family: string;
  given: string;
  familyKana: string;
  givenKana: string;
  familyEn: string;
  givenEn: string;
  title: string;
  /** Manages `dept`. */
  manager?: boolean;
  roles?: StoredRole[];
  /** One of DEMO_ACCOUNTS: this person signs in as that address. */
  account?: 'admin' | 'hr' | 'manager' | 'employee';
  bio?: string;
}

type Row = [string, string, string, string, string, string, string, string];
const p = (row: Row, extra: Partial<DemoPerson> = {}): DemoPerson => {
  const [dept, family, given, familyKana, givenKana, familyEn, givenEn, title] = row;
  return { dept, family, given, familyKana, givenKana, familyEn, givenEn, title, ...extra };
};

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  // 経営企画部
  p(['CORP', '山本', '浩二', 'やまもと', 'こうじ', 'Yamamoto', 'Koji', '代表取締役社長'], {
    bio: 'AIは自分でも毎日使っています。うまくいかなかった使い方も共有していきます。',
  }),
  p(['CORP', '中村', '由美子', 'なかむら', 'ゆみこ', 'Nakamura', 'Yumiko', '経営企画部長'], {
    manager: true,
  }),
  p(['CORP', '小林', '翔太', 'こばやし', 'しょうた', 'Kobayashi', 'Shota', '経営企画課長']),
  p(['CORP', '加藤', '真由', 'かとう', 'まゆ', 'Kato', 'Mayu', '経営企画']),
  p(['CORP', '吉田', '拓海', 'よしだ', 'たくみ', 'Yoshida', 'Takumi', '広報']),
  p(['CORP', '山口', '千尋', 'やまぐち', 'ちひろ', 'Yamaguchi', 'Chihiro', 'IR担当']),
  // 人事部
  p(['HR', '松本', '恵子', 'まつもと', 'けいこ', 'Matsumoto', 'Keiko', '人事部長'], { manager: true }),
  p(['HR', '田中', '陽菜', 'たなか', 'ひな', 'Tanaka', 'Hina', 'HRビジネスパートナー'], {
    account: 'hr',
    roles: ['hr'],
    bio: '社内公募や研修のことなら気軽に声をかけてください。',
  }),
  p(['HR', '井上', '大輔', 'いのうえ', 'だいすけ', 'Inoue', 'Daisuke', '採用担当']),
  p(['HR', '木村', '彩', 'きむら', 'あや', 'Kimura', 'Aya', '人材開発担当'], { roles: ['organizer'] }),
  p(['HR', '林', '健一', 'はやし', 'けんいち', 'Hayashi', 'Kenichi', '労務担当']),
  p(['HR', '斎藤', 'さくら', 'さいとう', 'さくら', 'Saito', 'Sakura', '人事企画']),
  // 営業本部
  p(['SALES', '清水', '隆', 'しみず', 'たかし', 'Shimizu', 'Takashi', '営業本部長'], { manager: true }),
  p(['SALES', '山崎', '愛', 'やまざき', 'あい', 'Yamazaki', 'Ai', '営業企画']),
  // 第一営業部
  p(['SALES1', '森', '誠', 'もり', 'まこと', 'Mori', 'Makoto', '第一営業部長'], { manager: true }),
  p(['SALES1', '池田', '優花', 'いけだ', 'ゆうか', 'Ikeda', 'Yuka', '営業主任']),
  p(['SALES1', '橋本', '大翔', 'はしもと', 'ひろと', 'Hashimoto', 'Hiroto', '営業']),
  p(['SALES1', '阿部', '美穂', 'あべ', 'みほ', 'Abe', 'Miho', '営業']),
  p(['SALES1', '石川', '悠人', 'いしかわ', 'ゆうと', 'Ishikawa', 'Yuto', '営業']),
  p(['SALES1', '山下', '葵', 'やました', 'あおい', 'Yamashita', 'Aoi', '営業']),
  p(['SALES1', '中島', '修', 'なかじま', 'おさむ', 'Nakajima', 'Osamu', 'シニア営業']),
  p(['SALES1', '前田', '結衣', 'まえだ', 'ゆい', 'Maeda', 'Yui', '営業アシスタント']),
  // 第二営業部
  p(['SALES2', '藤田', '和也', 'ふじた', 'かずや', 'Fujita', 'Kazuya', '第二営業部長'], { manager: true }),
  p(['SALES2', '後藤', '麻衣', 'ごとう', 'まい', 'Goto', 'Mai', '営業主任']),
  p(['SALES2', '岡田', '蓮', 'おかだ', 'れん', 'Okada', 'Ren', '営業']),
  p(['SALES2', '長谷川', '美紀', 'はせがわ', 'みき', 'Hasegawa', 'Miki', '営業']),
  p(['SALES2', '村上', '颯太', 'むらかみ', 'そうた', 'Murakami', 'Sota', '営業']),
  p(['SALES2', '近藤', '七海', 'こんどう', 'ななみ', 'Kondo', 'Nanami', '営業']),
  p(['SALES2', '石井', '俊介', 'いしい', 'しゅんすけ', 'Ishii', 'Shunsuke', 'インサイドセールス']),
  // 開発本部
  p(['ENG', '坂本', '剛', 'さかもと', 'つよし', 'Sakamoto', 'Tsuyoshi', '開発本部長・CTO'], {
    manager: true,
  }),
  p(['ENG', '遠藤', '里奈', 'えんどう', 'りな', 'Endo', 'Rina', '開発企画']),
  // プロダクト開発部
  p(['PROD', '鈴木', '健太', 'すずき', 'けんた', 'Suzuki', 'Kenta', 'プロダクト開発部長'], {
    manager: true,
    account: 'manager',
    bio: '1on1では、話したいことを話したい順に。メンバーの挑戦を応援します。',
  }),
  p(['PROD', '佐藤', '美咲', 'さとう', 'みさき', 'Sato', 'Misaki', 'ソフトウェアエンジニア'], {
    account: 'employee',
    bio: 'フロントエンドを担当しています。最近はAIでのテスト設計を試行錯誤中です。',
  }),
  p(['PROD', '青木', '翼', 'あおき', 'つばさ', 'Aoki', 'Tsubasa', 'テックリード'], { roles: ['organizer'] }),
  p(['PROD', '藤井', '花', 'ふじい', 'はな', 'Fujii', 'Hana', 'プロダクトマネージャー']),
  p(['PROD', '西村', '亮', 'にしむら', 'りょう', 'Nishimura', 'Ryo', 'ソフトウェアエンジニア']),
  p(['PROD', '福田', '莉子', 'ふくだ', 'りこ', 'Fukuda', 'Riko', 'UIデザイナー']),
  p(['PROD', '太田', '陸', 'おおた', 'りく', 'Ota', 'Riku', 'ソフトウェアエンジニア']),
  p(['PROD', '三浦', '詩織', 'みうら', 'しおり', 'Miura', 'Shiori', 'QAエンジニア']),
  p(['PROD', '藤原', '慎也', 'ふじわら', 'しんや', 'Fujiwara', 'Shinya', 'ソフトウェアエンジニア']),
  p(['PROD', '岡本', '楓', 'おかもと', 'かえで', 'Okamoto', 'Kaede', 'ソフトウェアエンジニア']),
  // 基盤開発部
  p(['PLAT', '松田', '昌平', 'まつだ', 'しょうへい', 'Matsuda', 'Shohei', '基盤開発部長'], { manager: true }),
  p(['PLAT', '中川', '茜', 'なかがわ', 'あかね', 'Nakagawa', 'Akane', 'SRE']),
  p(['PLAT', '中野', '拓也', 'なかの', 'たくや', 'Nakano', 'Takuya', 'インフラエンジニア']),
  p(['PLAT', '原田', '美月', 'はらだ', 'みづき', 'Harada', 'Mizuki', 'セキュリティエンジニア']),
  p(['PLAT', '小野', '海斗', 'おの', 'かいと', 'Ono', 'Kaito', 'データエンジニア']),
  p(['PLAT', '田村', '明日香', 'たむら', 'あすか', 'Tamura', 'Asuka', 'SRE']),
  p(['PLAT', '竹内', '亮介', 'たけうち', 'りょうすけ', 'Takeuchi', 'Ryosuke', 'インフラエンジニア']),
  // カスタマーサクセス部
  p(['CS', '金子', '直美', 'かねこ', 'なおみ', 'Kaneko', 'Naomi', 'カスタマーサクセス部長'], {
    manager: true,
  }),
  p(['CS', '和田', '悠真', 'わだ', 'ゆうま', 'Wada', 'Yuma', 'カスタマーサクセスマネージャー']),
  p(['CS', '中山', '杏奈', 'なかやま', 'あんな', 'Nakayama', 'Anna', 'カスタマーサクセス']),
  p(['CS', '石田', '圭', 'いしだ', 'けい', 'Ishida', 'Kei', 'サポートエンジニア']),
  p(['CS', '上田', '千夏', 'うえだ', 'ちなつ', 'Ueda', 'Chinatsu', 'カスタマーサポート']),
  p(['CS', '森田', '隼', 'もりた', 'しゅん', 'Morita', 'Shun', 'オンボーディング担当']),
  p(['CS', '原', '真理子', 'はら', 'まりこ', 'Hara', 'Mariko', 'カスタマーサクセス']),
  // 総務部
  p(['GA', '柴田', '博', 'しばた', 'ひろし', 'Shibata', 'Hiroshi', '総務部長'], { manager: true }),
  p(['GA', '高橋', '直樹', 'たかはし', 'なおき', 'Takahashi', 'Naoki', '情報システム担当'], {
    account: 'admin',
    roles: ['admin'],
    bio: 'アカウントやシングルサインオンのことはこちらへ。',
  }),
  p(['GA', '酒井', '久美子', 'さかい', 'くみこ', 'Sakai', 'Kumiko', '総務']),
  p(['GA', '工藤', '智也', 'くどう', 'ともや', 'Kudo', 'Tomoya', '経理']),
  p(['GA', '横山', '奈々', 'よこやま', 'なな', 'Yokoyama', 'Nana', '法務']),
];
