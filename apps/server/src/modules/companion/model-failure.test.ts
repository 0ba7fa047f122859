import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, sessionFor, type Agent, type TestApp } from '../../test/harness.ts';
import { startOpenAiStub, type OpenAiStub } from '../../test/openai-stub.ts';
import { chat } from './testing.ts';

/**
 * The chat route on the LLM engine, against the local OpenAI-protocol stub: the route picks the
 * LLM when it is configured, keeps the user's message when the model fails or times out (so a
 * retry loses nothing and stores nothing twice), runs the private-note tool in the owner's vault,
 * and logs nothing of what was said.
 */
let stub: OpenAiStub;
let t: TestApp;
let owner: Agent;
beforeAll(async () => {
  stub = await startOpenAiStub();
  t = await createTestApp({
    LLM_BASE_URL: stub.baseUrl,
    LLM_MODEL: 'stub-model',
    LLM_FIRST_TOKEN_TIMEOUT_MS: '300',
    LLM_TIMEOUT_MS: '300',
    RATE_LIMIT_PER_MINUTE: '1000000',
  });
  owner = await sessionFor(t, (await createUser(t)).id);
});
afterAll(async () => {
  await t.close();
  await stub.close();
});

async function messagesOf(id: string) {
  const res = await owner.get(`/api/companion/conversations/${id}`);
  return (res.json() as { messages: Array<{ role: string; content: string }> }).messages;
}

describe('chat on an OpenAI-compatible model', () => {
  it('uses the model when LLM_* is configured', async () => {
    expect(((await owner.get('/api/companion/intro')).json() as { engine: string }).engine).toBe('llm');
    stub.enqueue({ kind: 'text', chunks: ['お話し', 'ありがとう', 'ございます。'] });
    const r = await chat(owner, { message: 'こんにちは' });
    expect(r.text).toBe('お話しありがとうございます。');
    expect(r.events.at(-1)).toEqual({ type: 'done' });
  });

  it('keeps the message when the model fails, tells the user plainly, and a retry stores it once', async () => {
    const secret = `msg${crypto.randomBytes(6).toString('hex')}`;
    stub.enqueue({ kind: 'text', chunks: ['はい、どうぞ。'] });
    const id = (await chat(owner, { message: '相談を始めます', retention: '30' })).conversationId!;
    expect(id).toBeTruthy();

    stub.enqueue({ kind: 'http_error', status: 500, message: 'upstream exploded' });
    const failed = await chat(owner, { conversationId: id, message: `大事な相談 ${secret}` });
    expect(failed.status).toBe(200);
    const error = failed.events.find((e) => e.type === 'error');
    expect(error).toMatchObject({ type: 'error', code: 'companion.model_failed' });
    expect(error && error.type === 'error' ? error.message : '').toContain('失われていません');
    expect(failed.events.at(-1)).toEqual({ type: 'done', conversationId: id });
    expect((await messagesOf(id)).map((m) => m.content)).toEqual([
      '相談を始めます',
      'はい、どうぞ。',
      `大事な相談 ${secret}`,
    ]);

    stub.enqueue({ kind: 'hang' });
    const timedOut = await chat(owner, { conversationId: id, message: `大事な相談 ${secret}` });
    expect(timedOut.events.find((e) => e.type === 'error')).toMatchObject({
      code: 'companion.model_timeout',
    });
    expect(await messagesOf(id)).toHaveLength(3);

    stub.enqueue({ kind: 'text', chunks: ['受け取りました。'] });
    const retried = await chat(owner, { conversationId: id, message: `大事な相談 ${secret}` });
    expect(retried.text).toBe('受け取りました。');
    expect((await messagesOf(id)).map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    // The model got the stored history, and the user's message once.
    const sent = stub.requests.at(-1)!.body.messages!.map((m) => String(m.content));
    expect(sent.filter((c) => c.includes(secret))).toHaveLength(1);

    expect(t.logs.filter((l) => l.includes(secret) || l.includes('upstream exploded'))).toEqual([]);
  });

  it('saves a private note through the tool, in the owner’s vault only', async () => {
    const marker = `tool${crypto.randomBytes(6).toString('hex')}`;
    stub.enqueue(
      {
        kind: 'tool_call',
        name: 'save_private_note',
        args: { title: `メモ ${marker}`, body: '来週上司に相談する' },
      },
      { kind: 'text', chunks: ['メモに保存しました。'] },
    );
    const r = await chat(owner, { message: 'メモしておいて' });
    expect(r.events.find((e) => e.type === 'tool')).toMatchObject({ type: 'tool', ok: true });
    const notes = (await owner.get(`/api/companion/notes?q=${marker}`)).json() as {
      items: Array<{ title: string }>;
    };
    expect(notes.items.map((n) => n.title)).toEqual([`メモ ${marker}`]);
    const admin = await sessionFor(t, (await createUser(t, { roles: ['admin'] })).id);
    expect((await admin.get(`/api/companion/notes?q=${marker}`)).body).not.toContain(marker);
    expect(t.logs.filter((l) => l.includes(marker))).toEqual([]);
  });

  it('turns a failed summary into a plain error, without losing the conversation', async () => {
    stub.enqueue({ kind: 'text', chunks: ['どうぞ。'] });
    const id = (await chat(owner, { message: 'まとめたい話', retention: '90' })).conversationId!;
    stub.enqueue({ kind: 'http_error', status: 503 });
    const res = await owner.post(`/api/companion/conversations/${id}/summary`);
    expect(res.status).toBe(502);
    expect((res.json() as { error: { code: string } }).error.code).toBe('companion.model_failed');
    expect(await messagesOf(id)).toHaveLength(2);
  });
});
