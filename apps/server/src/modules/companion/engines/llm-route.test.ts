import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, createUser, sessionFor, type Agent, type TestApp } from '../../../test/harness.ts';
import { startOpenAiStub, type OpenAiStub } from '../../../test/openai-stub.ts';
import { chat } from '../testing.ts';

/**
 * The LLM path end to end: a signed-in user talks to POST /api/companion/chat on an app configured
 * with LLM_BASE_URL pointing at the local OpenAI-protocol server. What the user sees when the model
 * answers, calls a tool, fails or times out, and that their message survives a failure.
 */

const CANARY = 'llm-route-canary-5d1a-転職の相談';

let stub: OpenAiStub;
let t: TestApp;
let owner: Agent;
beforeAll(async () => {
  stub = await startOpenAiStub();
  t = await createTestApp({
    LLM_BASE_URL: stub.baseUrl,
    LLM_MODEL: 'route-model',
    LLM_API_KEY: 'sk-route',
    LLM_FIRST_TOKEN_TIMEOUT_MS: '300',
    LLM_TIMEOUT_MS: '300',
  });
  owner = await sessionFor(t, (await createUser(t)).id);
});
afterAll(async () => {
  await t.close();
  await stub.close();
});
beforeEach(() => {
  stub.requests.length = 0;
});

interface StoredConversation {
  messages: Array<{ role: string; content: string }>;
}

describe('companion chat with an OpenAI-compatible model', () => {
  it('says the LLM engine answers, and streams the model text with the company AI policy in the prompt', async () => {
    const intro = (await owner.get('/api/companion/intro')).json() as { engine: string };
    expect(intro.engine).toBe('llm');

    const hr = await sessionFor(t, (await createUser(t, { roles: ['hr'] })).id);
    const policy = '当社のAIは壁打ち相手です。人事評価には一切使いません。';
    expect(
      (await hr.put('/api/companion/settings', { aiPolicyJa: policy, aiPolicyEn: null, crisisContacts: [] }))
        .status,
    ).toBe(200);

    stub.enqueue({ kind: 'text', chunks: ['こんにちは。', '今日は何を', '話しましょうか？'] });
    const r = await chat(owner, { message: '相談したいです', mode: 'moyamoya' });
    expect(r.status).toBe(200);
    expect(r.events.filter((e) => e.type === 'text').map((e) => (e.type === 'text' ? e.delta : ''))).toEqual([
      'こんにちは。',
      '今日は何を',
      '話しましょうか？',
    ]);
    expect(r.events.at(-1)).toEqual({ type: 'done' });
    const system = String(stub.requests[0]!.body.messages?.[0]?.content);
    expect(system).toContain(policy);
    expect(system).toContain('モヤモヤ整理');
  });

  it('saves a private note when the model calls save_private_note, and the owner finds it', async () => {
    stub.enqueue(
      {
        kind: 'tool_call',
        name: 'save_private_note',
        args: { title: '次の1on1で話すこと', body: '評価面談の前に目標を確認したい' },
      },
      { kind: 'text', chunks: ['メモに残しました。'] },
    );
    const r = await chat(owner, { message: 'メモしておいて' });
    expect(r.events[0]).toEqual({
      type: 'tool',
      name: 'save_private_note',
      ok: true,
      summary: '非公開メモに保存しました：「次の1on1で話すこと」',
    });
    expect(r.text).toBe('メモに残しました。');
    const notes = (await owner.get('/api/companion/notes')).json() as { items: Array<{ title: string }> };
    expect(notes.items.map((n) => n.title)).toContain('次の1on1で話すこと');
  });

  it.each([
    [{ kind: 'http_error', status: 500 } as const, 'companion.model_failed'],
    [{ kind: 'hang', sendHeaders: true } as const, 'companion.model_timeout'],
  ])('tells the user plainly when the model fails (%o) and keeps their message', async (failure, code) => {
    stub.enqueue(failure);
    const first = await chat(owner, { message: CANARY, retention: '30', mode: 'direction' });
    expect(first.status).toBe(200);
    const error = first.events.find((e) => e.type === 'error');
    expect(error).toMatchObject({ type: 'error', code });
    expect(error && error.type === 'error' ? error.message : '').toMatch(/メッセージは失われていません/);
    expect(first.conversationId).toBeTruthy();
    const kept = (
      await owner.get(`/api/companion/conversations/${first.conversationId}`)
    ).json() as StoredConversation;
    expect(kept.messages).toEqual([expect.objectContaining({ role: 'user', content: CANARY })]);

    // Sending again answers, and stores the message once.
    stub.enqueue({ kind: 'text', chunks: ['お待たせしました。'] });
    const retry = await chat(owner, { conversationId: first.conversationId, message: CANARY });
    expect(retry.text).toBe('お待たせしました。');
    const after = (
      await owner.get(`/api/companion/conversations/${first.conversationId}`)
    ).json() as StoredConversation;
    expect(after.messages.map((m) => [m.role, m.content])).toEqual([
      ['user', CANARY],
      ['assistant', 'お待たせしました。'],
    ]);
    expect(t.logs.join('\n')).not.toContain('llm-route-canary');
  });

  it('summarises a kept conversation through the model, as Markdown', async () => {
    stub.enqueue({ kind: 'text', chunks: ['人を育てたいと話しました。'] });
    const { conversationId } = await chat(owner, {
      message: '人を育てたい',
      retention: '30',
      mode: 'direction',
    });
    stub.enqueue({ kind: 'text', chunks: ['## Will / Can / Must\n', '| 観点 | 本人の言葉 |'] });
    const res = await owner.post(`/api/companion/conversations/${conversationId}/summary`);
    expect(res.status).toBe(201);
    expect((res.json() as { markdown: string }).markdown).toBe('## Will / Can / Must\n| 観点 | 本人の言葉 |');
    const summaryRequest = stub.requests.at(-1)!.body.messages ?? [];
    expect(summaryRequest.map((m) => m.content)).toContain('人を育てたい');
  });

  it('answers 502 with the stable code when the model cannot summarise', async () => {
    stub.enqueue({ kind: 'http_error', status: 503 });
    const res = await owner.post('/api/companion/summary', {
      mode: 'oneonone',
      history: [{ role: 'user', content: '来週の1on1の準備' }],
    });
    expect(res.status).toBe(502);
    expect(res.json()).toMatchObject({ error: { code: 'companion.model_failed' } });
  });
});
