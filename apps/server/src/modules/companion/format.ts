import { translate, type Locale } from '@engawa/shared';
import type { OpportunitySuggestion } from './engine.ts';

/**
 * Small Markdown helpers for summaries, agendas and exports built from the user's own words.
 * The web renders Markdown through the one sanitiser, so these only keep the structure intact
 * (a `|` in someone's sentence must not split a table cell).
 */

/** Text for one Markdown table cell: one line, pipes escaped. */
export function markdownCell(text: string): string {
  return text
    .trim()
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' / ');
}

/** Text for one list item or inline value: one line. */
export function markdownInline(text: string): string {
  return text.trim().replace(/\s*\n\s*/g, ' / ');
}

/** A 1on1 agenda draft from items (the LLM engine's `draftOneOnOneAgenda` tool uses this too). */
export function agendaMarkdown(locale: Locale, items: Array<{ topic: string; ask: string }>): string {
  const lines = [`## ${translate(locale, 'companion.summary.titles.oneonone')}`, ''];
  items.forEach((item, i) => {
    lines.push(`${i + 1}. **${markdownInline(item.topic)}**`);
    if (item.ask.trim()) lines.push(`   - ${markdownInline(item.ask)}`);
  });
  lines.push('', `> ${translate(locale, 'companion.summary.shareNote')}`);
  return lines.join('\n');
}

/** Suggested opportunities as Markdown list lines: title, type and the reasons in plain words. */
export function suggestionLines(locale: Locale, items: readonly OpportunitySuggestion[]): string[] {
  return items.map((s) => {
    const vars = { title: markdownInline(s.title), type: s.typeLabel };
    return s.reasons.length
      ? `- ${translate(locale, 'career.companion.suggestionLine', {
          ...vars,
          reasons: s.reasons.map(markdownInline).join(translate(locale, 'career.companion.reasonSeparator')),
        })}`
      : `- ${translate(locale, 'career.companion.suggestionLineBare', vars)}`;
  });
}
