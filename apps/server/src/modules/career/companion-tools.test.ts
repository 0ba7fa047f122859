import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUser, createTestApp, sessionFor, type Agent, type TestApp } from '../../test/harness.ts';
import { startOpenAiStub, type OpenAiStub } from '../../test/openai-stub.ts';
import { chat } from '../companion/testing.ts';
import { insertOpportunity, putGoals, putSkills } from './testing.ts';

/**
 * The companion suggests concrete next steps from the catalog with the same matching as the
 * recommendations: the offline engine at the end of the キャリアの方向性 and 学習計画 flows, and the
 * LLM engine through the `read_my_profile` and `search_opportunities` tools. Only ever the
 * owner's own profile, inside the owner's own chat request.
 */

/** Answers to the opening and the four questions of a flow, as ephemeral history. */
function flow(answers: string[]) {
  return answers.slice(0, -1).flatMap((content) => [
    { role: 'user' as const, content },
    { role: 'assistant' as const, content: '…' },
  ]);
}

describe('the offline engine suggests next steps by the same matching', () => {
  let t: TestApp;
  let agent: Agent;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '1000000' });
    agent = await sessionFor(t, (await createUser(t)).id);
    await putSkills(agent, [{ name: 'Excel', level: 3 }]);
    await putGoals(agent, {
      direction: null,
      learning: [
        { title: 'データ分析で改善を提案できるようになる', skills: [], targetDate: null, progress: 0 },
      ],
    });
    await insertOpportunity(t, { type: 'training', title: 'データ分析基礎研修', gained: ['データ分析'] });
    await insertOpportunity(t, { type: 'posting', title: 'データ推進室の社内公募', gained: ['データ分析'] });
    await insertOpportunity(t, { type: 'shadowing', title: 'UXリサーチ同行', gained: ['UXデザイン'] });
  });
  afterAll(async () => t.close());

  it('in キャリアの方向性, after the last question, with reasons from the profile and the conversation', async () => {
    const answers = [
      'データで人の役に立ちたい',
      'Excelで集計はできる',
      '今は営業資料づくり',
      'データが重なりそう',
      'UXデザインにも触れてみたい',
    ];
    const early = await chat(agent, {
      mode: 'direction',
      message: answers[3],
      history: flow(answers.slice(0, 4)),
    });
    expect(early.text).not.toContain('データ分析基礎研修');
    const r = await chat(agent, { mode: 'direction', message: answers[4], history: flow(answers) });
    expect(r.status).toBe(200);
    expect(r.text).toContain('次の一歩の候補');
    expect(r.text).toContain(
      '『データ分析基礎研修』（研修）— 目標『データ分析で改善を提案できるようになる』に必要な『データ分析』が身につく',
    );
    expect(r.text).toContain(
      '『UXリサーチ同行』（ジョブシャドウイング）— 話してくれた『UXデザイン』につながる',
    );
    // The flow still ends with its closing question.
    expect(r.text).toContain('「まとめる」');
  });

  it('in 学習計画, only ways to learn (trainings, mentoring, shadowing), not postings', async () => {
    const answers = ['データ分析', '提案に活かしたい', '初心者です', '週2時間', '本を1冊読む'];
    const r = await chat(agent, { mode: 'learning', message: answers[4], history: flow(answers) });
    expect(r.text).toContain('データ分析基礎研修');
    expect(r.text).not.toContain('データ推進室の社内公募');
  });

  it('says how to get suggestions when the profile gives nothing to match', async () => {
    const empty = await sessionFor(t, (await createUser(t)).id);
    const answers = ['a', 'b', 'c', 'd', 'e'];
    const r = await chat(empty, { mode: 'direction', message: answers[4], history: flow(answers) });
    expect(r.text).toContain('プロフィールに目標やスキルを登録しておくと');
  });
});

describe('the LLM engine’s career tools', () => {
  let stub: OpenAiStub;
  let t: TestApp;
  let agent: Agent;
  beforeAll(async () => {
    stub = await startOpenAiStub();
    t = await createTestApp({
      LLM_BASE_URL: stub.baseUrl,
      LLM_MODEL: 'career-model',
      RATE_LIMIT_PER_MINUTE: '1000000',
    });
    agent = await sessionFor(t, (await createUser(t)).id);
    await putSkills(agent, [{ name: 'Python', level: 4 }]);
    await putGoals(agent, {
      direction: { text: '機械学習で業務を変える', skills: [{ name: '機械学習' }] },
      learning: [],
    });
    await insertOpportunity(t, {
      type: 'gig',
      title: '需要予測モデルの改善',
      required: ['Python'],
      gained: ['機械学習'],
    });
  });
  afterAll(async () => {
    await t.close();
    await stub.close();
  });
  beforeEach(() => {
    stub.requests.length = 0;
  });

  it('offers read_my_profile and search_opportunities, with guidance in the system prompt', async () => {
    stub.enqueue({ kind: 'text', chunks: ['はい。'] });
    await chat(agent, { message: 'こんにちは' });
    const body = stub.requests[0]!.body;
    expect(body.tools?.map((x) => x.function.name)).toEqual([
      'save_private_note',
      'draft_one_on_one_agenda',
      'read_my_profile',
      'search_opportunities',
    ]);
    expect(String(body.messages?.[0]?.content)).toContain('search_opportunities');
  });

  it('read_my_profile gives the model the owner’s own profile', async () => {
    stub.enqueue(
      { kind: 'tool_call', name: 'read_my_profile', args: {} },
      { kind: 'text', chunks: ['見ました。'] },
    );
    const r = await chat(agent, { message: '私のプロフィールを踏まえて相談したい' });
    expect(r.events[0]).toMatchObject({ type: 'tool', name: 'read_my_profile', ok: true });
    const toolMessage = stub.requests[1]!.body.messages?.find((m) => m.role === 'tool');
    expect(JSON.stringify(toolMessage)).toContain('機械学習で業務を変える');
    expect(JSON.stringify(toolMessage)).toContain('Python');
  });

  it('search_opportunities ranks the catalog for the owner and shows the reasons to the user', async () => {
    stub.enqueue(
      { kind: 'tool_call', name: 'search_opportunities', args: { type: 'gig' } },
      { kind: 'text', chunks: ['候補があります。'] },
    );
    const r = await chat(agent, { message: '次に何をすればいい？' });
    const tool = r.events[0];
    expect(tool).toMatchObject({ type: 'tool', name: 'search_opportunities', ok: true });
    expect(tool?.type === 'tool' ? tool.summary : '').toContain(
      '『需要予測モデルの改善』（社内副業）— 目標『機械学習で業務を変える』に必要な『機械学習』が身につく、あなたのスキル『Python』が活かせる',
    );
    const toolMessage = stub.requests[1]!.body.messages?.find((m) => m.role === 'tool');
    expect(JSON.stringify(toolMessage)).toContain('需要予測モデルの改善');
  });
});
