import {
  COMPANION_LIMITS,
  COMPANION_RETENTIONS,
  DEFAULT_COMPANION_RETENTION,
  DEFAULT_TIME_ZONE,
  retentionDays,
  translate,
  type KeptRetention,
  type Locale,
} from '@engawa/shared';
import { COMPANION_MODES } from './engine.ts';
import type { ConversationListItem, OpenedConversation, OpenedSummary } from './conversations.ts';
import type { OpenedNote } from './notes.ts';
import type { CompanionSettings } from './schema.ts';
import { companyContacts, publicContacts } from './crisis.ts';
import type { MonthlyInsight } from './usage.ts';

/**
 * The only code that shapes companion output. Private records are presented to their owner only
 * (routes never call these for anyone else); nothing here ever carries a user id, a count per
 * person or a usage time of anyone but the owner looking at their own records.
 */

export function presentConversationItem(c: ConversationListItem) {
  return {
    id: c.id,
    title: c.meta.title,
    mode: c.meta.mode,
    retention: c.meta.retention,
    createdAt: c.meta.createdAt,
    updatedAt: c.meta.updatedAt,
    expiresAt: c.expiresAt,
    snippet: c.snippet,
  };
}

export function presentSummary(s: OpenedSummary) {
  return { id: s.id, mode: s.mode, markdown: s.markdown, createdAt: s.createdAt };
}

export function presentConversation(c: OpenedConversation, summaries: OpenedSummary[]) {
  return {
    ...presentConversationItem({ id: c.id, meta: c.meta, expiresAt: c.expiresAt, snippet: null }),
    messages: c.messages.map((m) => ({ role: m.role, content: m.content, at: m.at })),
    summaries: summaries.map(presentSummary),
  };
}

export function presentNote(n: OpenedNote) {
  return {
    id: n.id,
    title: n.title,
    body: n.body,
    conversationId: n.conversationId,
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
  };
}

export function presentNoteItem(n: OpenedNote) {
  const flat = n.body.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return {
    id: n.id,
    title: n.title,
    excerpt: chars.length > 120 ? chars.slice(0, 120).join('') + '…' : flat,
    conversationId: n.conversationId,
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
  };
}

export function presentSettings(s: CompanionSettings) {
  return { aiPolicyJa: s.aiPolicyJa, aiPolicyEn: s.aiPolicyEn, crisisContacts: s.crisisContacts };
}

/** What anyone signed in sees before typing: text keys, the company's texts, modes, retention, engine. */
export function presentIntro(settings: CompanionSettings, locale: Locale, engine: 'offline' | 'llm') {
  const k = (key: string) => `companion.${key}`;
  return {
    texts: {
      heading: k('intro.heading'),
      whatHeading: k('intro.whatHeading'),
      what: k('intro.what'),
      whatItems: ['listens', 'asks', 'organises', 'suggests'].map((i) => k(`intro.whatItems.${i}`)),
      notForHeading: k('intro.notForHeading'),
      notFor: k('intro.notFor'),
      notForItems: ['judge', 'decide', 'replace'].map((i) => k(`intro.notForItems.${i}`)),
      privacyHeading: k('privacy.heading'),
      privacy: [
        'nobodyCanRead',
        'neverEvaluation',
        'usageNotRecorded',
        'ephemeralDefault',
        'encrypted',
        'crisis',
      ].map((i) => k(`privacy.${i}`)),
      companyPolicyHeading: k('intro.companyPolicyHeading'),
      companyPolicyMissing: k('intro.companyPolicyMissing'),
      engine: k(engine === 'llm' ? 'intro.engineLlm' : 'intro.engineOffline'),
      crisisHeading: k('crisis.heading'),
      crisisBody: k('crisis.body'),
      retentionHeading: k('retention.heading'),
      retentionHelp: k('retention.help'),
    },
    aiPolicy: { ja: settings.aiPolicyJa, en: settings.aiPolicyEn },
    crisisContacts: companyContacts(settings.crisisContacts),
    publicCrisisContacts: publicContacts(locale),
    modes: COMPANION_MODES.map((id) => ({
      id,
      nameKey: k(`modes.${id}.name`),
      descriptionKey: k(`modes.${id}.description`),
      openingKey: k(`modes.${id}.opening`),
    })),
    retentionOptions: COMPANION_RETENTIONS.map((value) => ({
      value,
      labelKey: k(`retention.${value}`),
      days: value === 'ephemeral' ? 0 : retentionDays(value),
    })),
    defaultRetention: DEFAULT_COMPANION_RETENTION,
    engine,
    limits: {
      messageMax: COMPANION_LIMITS.messageMax,
      historyMaxMessages: COMPANION_LIMITS.historyMaxMessages,
      historyMaxChars: COMPANION_LIMITS.historyMaxChars,
      noteBodyMax: COMPANION_LIMITS.noteBodyMax,
    },
  };
}

export function presentInsights(months: MonthlyInsight[], k: number) {
  return { kThreshold: k, months: months.map((m) => ({ ...m })) };
}

function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: DEFAULT_TIME_ZONE,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** Markdown export of one conversation for its owner. */
export function conversationMarkdown(
  c: OpenedConversation,
  summaries: OpenedSummary[],
  locale: Locale,
): string {
  const t = (key: string) => translate(locale, `companion.${key}`);
  const retention: KeptRetention = c.meta.retention;
  const lines = [
    `# ${t('export.title')}: ${c.meta.title}`,
    '',
    `- ${t('export.mode')}: ${t(`modes.${c.meta.mode}.name`)}`,
    `- ${t('export.retention')}: ${t(`retention.${retention}`)}`,
    `- ${t('export.createdAt')}: ${formatDate(c.meta.createdAt, locale)}`,
    `- ${t('export.updatedAt')}: ${formatDate(c.meta.updatedAt, locale)}`,
    '',
    '---',
  ];
  for (const m of c.messages) {
    lines.push(
      '',
      `### ${m.role === 'user' ? t('export.you') : t('export.companion')} (${formatDate(m.at, locale)})`,
      '',
      m.content,
    );
  }
  if (summaries.length) {
    lines.push('', '---', '', `## ${t('export.summaries')}`);
    for (const s of summaries) lines.push('', s.markdown.replace(/^## /gm, '### '));
  }
  lines.push('', '---', '', `_${t('export.privateNote')}_`, '');
  return lines.join('\n');
}

/** JSON export of one conversation for its owner (a stable, versioned shape). */
export function conversationJson(c: OpenedConversation, summaries: OpenedSummary[]) {
  return {
    format: 'engawa.companion.conversation.v1',
    ...presentConversation(c, summaries),
  };
}
