import { setTimeout as sleep } from 'node:timers/promises';
import { translate, type Locale } from '@engawa/shared';
import type { ChatMessage, CompanionEngine, CompanionMode, EngineEvent, EngineInput } from '../engine.ts';
import { markdownCell, markdownInline, suggestionLines } from '../format.ts';

/**
 * The built-in guided-reflection engine: no model, works offline. Each mode is a short flow of
 * questions (the opening one is shown by the UI before the first message); every answer first
 * reflects a phrase of the user's own words back, then asks the next question. `summarize` builds
 * the summary only from what the user wrote (e.g. a Will / Can / Must table), so nothing in it
 * is invented. Text is streamed in small chunks so the UI shows it arriving.
 */

/** Summary field of each answer, in question order (answer i replies to question i). */
const SLOTS: Record<Exclude<CompanionMode, 'free'>, readonly string[]> = {
  moyamoya: ['now', 'when', 'want', 'control', 'next'],
  strengths: ['success', 'effort', 'asked', 'values', 'drain'],
  oneonone: ['theme', 'context', 'ask', 'goal', 'other'],
  direction: ['will', 'can', 'must', 'overlap', 'next'],
  learning: ['what', 'why', 'level', 'time', 'first'],
};
const FLOW_QUESTIONS = 4;

const t = (locale: Locale, key: string, vars?: Record<string, string>) =>
  translate(locale, `companion.${key}`, vars);

/** The next question after the user's answer number `answered` (0-based). */
export function nextQuestion(mode: CompanionMode, locale: Locale, answered: number): string {
  const step = answered + 1;
  if (step <= FLOW_QUESTIONS) return t(locale, `flows.${mode}.q${step}`);
  if (step === FLOW_QUESTIONS + 1) return t(locale, `flows.${mode}.done`);
  return t(locale, `flows.free.q${((step - FLOW_QUESTIONS - 2) % FLOW_QUESTIONS) + 1}`);
}

const FEELING_JA =
  /感じ|思(う|っ|い)|気(に|が|持)|つら|辛|不安|悩|迷|モヤモヤ|もやもや|したい|たい|困|嬉|楽し|疲/;
const FEELING_EN = /\b(feel|felt|think|want|wish|hope|worr|afraid|tired|stuck|unsure|happy|glad|frustrat)/i;

/**
 * A key phrase of the user's message to quote back: the first sentence that carries a feeling
 * or wish, else the first sentence; cut at a natural break to a short length.
 */
export function keyPhrase(message: string, locale: Locale): string {
  const text = message
    .normalize('NFKC')
    .replace(/[「」『』"]/g, '')
    .trim();
  const sentences = text
    .split(/(?<=[。！？!?．.])\s*|\n+/)
    .map((s) => s.trim().replace(/[。．.！!？?、,\s]+$/u, ''))
    .filter(Boolean);
  if (!sentences.length) return '';
  const feeling = locale === 'ja' ? FEELING_JA : FEELING_EN;
  const chosen = sentences.find((s) => feeling.test(s)) ?? sentences[0]!;
  const max = locale === 'ja' ? 40 : 90;
  const chars = Array.from(chosen);
  if (chars.length <= max) return chosen;
  const head = chars.slice(0, max).join('');
  const cut = Math.max(
    head.lastIndexOf('、'),
    head.lastIndexOf('，'),
    head.lastIndexOf(','),
    head.lastIndexOf(' '),
  );
  return (cut > max / 2 ? head.slice(0, cut) : head) + '…';
}

/**
 * The answer text for one turn: reflection of the user's words, then (when given) concrete
 * suggestions, then the next question.
 */
export function composeReply(
  input: Pick<EngineInput, 'mode' | 'locale' | 'history' | 'message'>,
  suggestions?: string,
): string {
  const answered = input.history.filter((m) => m.role === 'user').length;
  const phrase = keyPhrase(input.message, input.locale);
  const reflection =
    Array.from(phrase).length < 3
      ? t(input.locale, 'reflect.short')
      : t(input.locale, `reflect.${['a', 'b', 'c'][answered % 3]}`, { quote: phrase });
  const middle = suggestions ? `\n\n${suggestions}` : '';
  return `${reflection}${middle}\n\n${nextQuestion(input.mode, input.locale, answered)}`;
}

/** Modes whose flow ends by suggesting concrete next steps from the catalog, and the kinds they look at. */
const SUGGESTING_MODES: Partial<Record<CompanionMode, readonly string[] | undefined>> = {
  direction: undefined,
  learning: ['training', 'mentoring', 'shadowing'],
};

/**
 * At the end of the キャリアの方向性 and 学習計画 flows (the answer to the last question), the same
 * matching as the person's recommendations picks up to three open opportunities: their profile's
 * goals and skills, plus what they said in this conversation. Undefined when the career tools
 * are not wired or it is not that moment.
 */
export async function nextStepSuggestions(input: EngineInput): Promise<string | undefined> {
  const answered = input.history.filter((m) => m.role === 'user').length;
  if (!(input.mode in SUGGESTING_MODES) || answered !== FLOW_QUESTIONS || !input.tools.searchOpportunities) {
    return undefined;
  }
  const talk = [...input.history.filter((m) => m.role === 'user').map((m) => m.content), input.message].join(
    '\n',
  );
  try {
    const found = await input.tools.searchOpportunities({
      talk,
      types: SUGGESTING_MODES[input.mode],
      limit: 3,
    });
    if (!found.length) return translate(input.locale, 'career.companion.noneFound');
    return [
      translate(input.locale, 'career.companion.suggestionsIntro'),
      '',
      ...suggestionLines(input.locale, found),
    ].join('\n');
  } catch {
    return undefined; // suggestions are a bonus: the reflection goes on without them
  }
}

/** Splits text into small display chunks: words for Latin text, 2–3 characters for Japanese. */
export function chunkText(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.match(/\s+|[^\s]+/g) ?? []) {
    if (/^\s+$/.test(piece) || /^[\x21-\x7e]+$/.test(piece)) {
      out.push(piece);
      continue;
    }
    const chars = Array.from(piece);
    for (let i = 0; i < chars.length; i += 3) out.push(chars.slice(i, i + 3).join(''));
  }
  return out;
}

function summaryOf(mode: CompanionMode, locale: Locale, history: ChatMessage[]): string {
  const said = history.filter((m) => m.role === 'user').map((m) => m.content.trim());
  const lines: string[] = [`## ${t(locale, `summary.titles.${mode}`)}`, ''];
  const empty = t(locale, 'summary.empty');
  if (mode === 'free') {
    lines.push(`**${t(locale, 'summary.fields.free.said')}**`, '');
    for (const s of said) lines.push(`- ${markdownInline(s)}`);
    if (!said.length) lines.push(`- ${empty}`);
  } else {
    const slots = SLOTS[mode];
    const field = (slot: string) => t(locale, `summary.fields.${mode}.${slot}`);
    if (mode === 'oneonone') {
      slots.forEach((slot, i) => {
        const answer = said[i];
        if (answer !== undefined || i < 3)
          lines.push(`${i + 1}. **${field(slot)}**: ${answer ? markdownInline(answer) : empty}`);
      });
      lines.push('', `> ${t(locale, 'summary.shareNote')}`);
    } else if (mode === 'moyamoya') {
      slots.forEach((slot, i) =>
        lines.push(`- **${field(slot)}**: ${said[i] ? markdownInline(said[i]) : empty}`),
      );
    } else {
      lines.push(`| ${t(locale, 'summary.item')} | ${t(locale, 'summary.yourWords')} |`, '| --- | --- |');
      slots.forEach((slot, i) =>
        lines.push(`| ${field(slot)} | ${said[i] ? markdownCell(said[i]) : empty} |`),
      );
    }
    const more = said.slice(slots.length);
    if (more.length) {
      lines.push('', `**${t(locale, 'summary.more')}**`, '');
      for (const s of more) lines.push(`- ${markdownInline(s)}`);
    }
  }
  lines.push('', `_${t(locale, 'summary.note')}_`);
  return lines.join('\n');
}

/** Creates the offline engine; `delayMs` between chunks (0 in tests). */
export function createOfflineEngine(opts: { delayMs?: number } = {}): CompanionEngine {
  const delayMs = opts.delayMs ?? 15;
  return {
    kind: 'offline',
    async *respond(input: EngineInput): AsyncIterable<EngineEvent> {
      const suggestions = await nextStepSuggestions(input);
      for (const delta of chunkText(composeReply(input, suggestions))) {
        if (input.signal.aborted) return;
        if (delayMs > 0) await sleep(delayMs, undefined, { signal: input.signal }).catch(() => undefined);
        if (input.signal.aborted) return;
        yield { type: 'text', delta };
      }
    },
    async summarize(input) {
      return summaryOf(input.mode, input.locale, input.history);
    },
  };
}
