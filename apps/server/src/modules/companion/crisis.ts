import { translate, type Locale } from '@engawa/shared';
import type { CrisisContact } from './schema.ts';

/**
 * Crisis detection: Japanese and English words that suggest harassment, self-harm or overwork.
 * A match shows the company's support contacts at once, before the answer. It returns a bare
 * boolean on purpose: which list matched is never needed, so it is never kept anywhere — no log
 * line, no counter, no flag, no metric.
 */
const JA: RegExp[] = [
  // Harassment
  /ハラスメント|パワハラ|セクハラ|モラハラ|マタハラ|パタハラ|カスハラ|アカハラ/,
  /いじめ|イジメ|虐め|嫌がらせ|いやがらせ|怒鳴られ|どなられ|暴言|殴られ|叩かれ|脅され|無視され(続|つづ)/,
  // Self-harm
  /死にたい|しにたい|死んでしまいたい|死んだ(ほう|方)が|死ぬしかない|消えたい|きえたい|消えてしまいたい/,
  /自殺|自死|自傷|リスカ|リストカット|首を吊|飛び降り|いなくなりたい|楽になりたい/,
  /生きて(いる|る)の(が|は)(つら|辛|しんど|苦し)|生きるの(が|は)(つら|辛|しんど|苦し)/,
  // Overwork and exhaustion
  /過労|眠れない|ねむれない|寝られない|寝れない|休めない|やすめない|休みが(取|と)れない|休日出勤が続/,
  /もう限界|限界です|限界かも|倒れそう|心が折れ|燃え尽き|鬱|うつ病|抑うつ|朝起きられない|会社に行けない|出社できない/,
  /残業(が|は)?(月)?[0-9０-９]{3}時間/,
];

const EN: RegExp[] = [
  /\bharass(ed|es|ing|ment)?\b/,
  /\bbull(y|ied|ies|ying)\b|\bmobbing\b|\b(yelled|screamed|shouted) at\b|\bassault(ed)?\b|\bthreaten(ed|s)? me\b/,
  /\bkill(ing)? myself\b|\bsuicid(e|al)\b|\bself[- ]?harm\b|\bhurt(ing)? myself\b|\bcut(ting)? myself\b/,
  /\b(want|wanna|going) to die\b|\bend (my life|it all)\b|\bdon'?t want to (live|be here)\b|\bno reason to live\b/,
  /\bwant to disappear\b|\bbetter off dead\b/,
  /\boverwork(ed|ing)?\b|\bburn(ed|t)? ?out\b|\bburnout\b|\bexhausted\b|\bbreaking point\b/,
  /\b(can'?t|cannot|unable to) (sleep|rest|take a (break|day off))\b|\binsomnia\b|\bno (days? off|rest)\b/,
  /\bdepress(ed|ion)\b|\bpanic attacks?\b/,
];

/** True when the text suggests a crisis. Pure and side-effect free (see the note above). */
export function detectCrisis(text: string): boolean {
  const normal = text.normalize('NFKC').toLowerCase().replace(/[’‘`]/g, "'");
  const compact = normal.replace(/\s+/g, '');
  const spaced = normal.replace(/\s+/g, ' ');
  return JA.some((re) => re.test(compact)) || EN.some((re) => re.test(spaced));
}

export interface ShownContact {
  name: string;
  description: string;
  phone?: string;
  url?: string;
  hours?: string;
  kind: 'company' | 'public';
}

/** Public contacts shown with (or, when the company has none, instead of) the company's own. */
export function publicContacts(locale: Locale): ShownContact[] {
  const t = (k: string) => translate(locale, `companion.crisis.public.${k}`);
  return [
    {
      name: t('kokoro.name'),
      description: t('kokoro.description'),
      url: 'https://kokoro.mhlw.go.jp/',
      kind: 'public',
    },
    {
      name: t('mamorouyo.name'),
      description: t('mamorouyo.description'),
      url: 'https://www.mhlw.go.jp/mamorouyokokoro/',
      kind: 'public',
    },
    { name: t('emergency.name'), description: t('emergency.description'), phone: '119', kind: 'public' },
  ];
}

export function companyContacts(contacts: CrisisContact[]): ShownContact[] {
  return contacts.map((c) => ({ ...c, kind: 'company' as const }));
}
