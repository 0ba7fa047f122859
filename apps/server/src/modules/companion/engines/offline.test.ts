import { describe, expect, it } from 'vitest';
import type { ChatMessage, CompanionMode, CompanionTools, EngineEvent } from '../engine.ts';
import { chunkText, composeReply, createOfflineEngine, keyPhrase } from './offline.ts';

const tools: CompanionTools = {
  savePrivateNote: async () => ({ id: 'n' }),
  draftOneOnOneAgenda: async () => ({ markdown: '' }),
};

/** A history where the user gave `answers`, each followed by an assistant turn. */
function historyOf(answers: string[]): ChatMessage[] {
  return answers.flatMap((content) => [
    { role: 'user' as const, content },
    { role: 'assistant' as const, content: '…' },
  ]);
}

async function collect(events: AsyncIterable<EngineEvent>): Promise<EngineEvent[]> {
  const out: EngineEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

describe('reflecting the user’s own words', () => {
  it('quotes the sentence that carries a feeling, else the first one', () => {
    expect(keyPhrase('先週チームが変わりました。新しい上司との距離感に悩んでいます。', 'ja')).toBe(
      '新しい上司との距離感に悩んでいます',
    );
    expect(keyPhrase('来月から新しいプロジェクトです', 'ja')).toBe('来月から新しいプロジェクトです');
    expect(keyPhrase('My team changed. I feel a bit lost with the new manager.', 'en')).toBe(
      'I feel a bit lost with the new manager',
    );
  });

  it('shortens a long sentence at a natural break', () => {
    const phrase = keyPhrase(
      '今の部署での仕事にはやりがいを感じているけれど、将来のことを考えると別の職種にも挑戦してみたい気持ちがあり、迷っています',
      'ja',
    );
    expect(phrase.endsWith('…')).toBe(true);
    expect(Array.from(phrase).length).toBeLessThanOrEqual(41);
    expect(phrase.startsWith('今の部署での仕事にはやりがいを感じているけれど')).toBe(true);
  });

  it('thanks instead of quoting when there is almost nothing to quote', () => {
    expect(composeReply({ mode: 'free', locale: 'ja', history: [], message: 'はい' })).toMatch(
      /^教えてくれてありがとうございます。/,
    );
  });
});

describe('question flows advance by turn count', () => {
  it('walks Will → Can → Must → overlap → next step → done, then keeps listening', () => {
    const reply = (answers: string[], message: string) =>
      composeReply({ mode: 'direction', locale: 'ja', history: historyOf(answers), message });
    expect(reply([], '人を育てる仕事がしたい')).toContain('Can：');
    expect(reply(['a'], '研修の企画ができる')).toContain('Must：');
    expect(reply(['a', 'b'], '売上目標がある')).toContain('重なっているところ');
    expect(reply(['a', 'b', 'c'], '育成と売上は両立できそう')).toContain('次に積んでみたい経験');
    expect(reply(['a', 'b', 'c', 'd'], '社内公募を見てみる')).toContain('「まとめる」');
    expect(reply(['a', 'b', 'c', 'd', 'e'], 'ほかにも話したい')).toContain('もう少し詳しく');
  });

  it('has a flow for every mode, in Japanese and English', () => {
    for (const mode of [
      'free',
      'moyamoya',
      'strengths',
      'oneonone',
      'direction',
      'learning',
    ] as CompanionMode[]) {
      for (const locale of ['ja', 'en'] as const) {
        for (let i = 0; i < 7; i++) {
          const text = composeReply({
            mode,
            locale,
            history: historyOf(Array(i).fill('x')),
            message: 'something to say',
          });
          expect(text, `${mode} ${locale} ${i}`).not.toMatch(/companion\.|flows\./);
        }
      }
    }
    expect(
      composeReply({ mode: 'oneonone', locale: 'en', history: [], message: 'My workload this quarter' }),
    ).toContain('situation or facts');
  });
});

describe('streaming', () => {
  it('streams the reply in small chunks that join back to the whole text', async () => {
    const engine = createOfflineEngine({ delayMs: 0 });
    const input = {
      mode: 'moyamoya' as const,
      locale: 'ja' as const,
      history: [],
      message: '仕事の量が多くて不安です',
      companyAiPolicy: null,
      tools,
      signal: new AbortController().signal,
    };
    const events = await collect(engine.respond(input));
    expect(events.length).toBeGreaterThan(10);
    expect(events.map((e) => (e.type === 'text' ? e.delta : '')).join('')).toBe(composeReply(input));
    for (const e of events)
      if (e.type === 'text') expect(Array.from(e.delta.trim()).length).toBeLessThanOrEqual(12);
  });

  it('stops when the client goes away', async () => {
    const ac = new AbortController();
    const engine = createOfflineEngine({ delayMs: 1 });
    const seen: EngineEvent[] = [];
    for await (const e of engine.respond({
      mode: 'free',
      locale: 'en',
      history: [],
      message: 'I want to talk about my career and where it is going',
      companyAiPolicy: null,
      tools,
      signal: ac.signal,
    })) {
      seen.push(e);
      if (seen.length === 3) ac.abort();
    }
    expect(seen).toHaveLength(3);
  });

  it('chunks Latin text by word and Japanese by a few characters', () => {
    expect(chunkText('Hello there, friend')).toEqual(['Hello', ' ', 'there,', ' ', 'friend']);
    expect(chunkText('ありがとうございます')).toEqual(['ありが', 'とうご', 'ざいま', 'す']);
  });
});

describe('summaries in the user’s own words', () => {
  const engine = createOfflineEngine({ delayMs: 0 });
  const summarize = (mode: CompanionMode, answers: string[], locale: 'ja' | 'en' = 'ja') =>
    engine.summarize({ mode, locale, history: historyOf(answers), signal: new AbortController().signal });

  it('builds a Will / Can / Must table, escaping what would break it', async () => {
    const md = await summarize('direction', [
      '海外|国内どちらでも挑戦したい',
      'データ分析\nSQL',
      '後輩の育成',
    ]);
    expect(md).toContain('## キャリアの方向性（Will / Can / Must）');
    expect(md).toContain('| 項目 | あなたの言葉 |');
    expect(md).toContain('| Will（やりたいこと） | 海外\\|国内どちらでも挑戦したい |');
    expect(md).toContain('| Can（できること） | データ分析 / SQL |');
    expect(md).toContain('| Must（求められていること） | 後輩の育成 |');
    expect(md).toContain('| 重なり・ずれ | （まだ話していません） |');
  });

  it('drafts a 1on1 agenda with items', async () => {
    const md = await summarize(
      'oneonone',
      ['評価の基準', '残業が続いている', '業務の優先順位を決めたい', '方針が分かる'],
      'en',
    );
    expect(md).toContain('## 1on1 agenda (draft)');
    expect(md).toContain('1. **Topic**: 評価の基準');
    expect(md).toContain('4. **What you want from the 1on1**: 方針が分かる');
    expect(md).toContain('up to you');
  });

  it('lists what was said in free talk and any answers beyond the flow', async () => {
    expect(await summarize('free', ['一つ目', '二つ目'])).toContain('- 一つ目\n- 二つ目');
    const md = await summarize('learning', [
      '統計',
      '分析の仕事',
      '初心者',
      '週3時間',
      '本を1冊',
      '追加の話',
    ]);
    expect(md).toContain('| 最初の2週間でやること | 本を1冊 |');
    expect(md).toContain('**そのほかに話したこと**\n\n- 追加の話');
  });
});
