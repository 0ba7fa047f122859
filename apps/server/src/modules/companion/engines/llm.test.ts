import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startOpenAiStub, type OpenAiStub } from '../../../test/openai-stub.ts';
import type { CompanionTools, EngineEvent, EngineInput } from '../engine.ts';
import { AppError } from '../../../platform/errors.ts';
import { LlmEngine, type LlmLogEntry } from './llm.ts';

/**
 * The LLM engine against a real HTTP server that speaks the OpenAI chat-completions protocol
 * (the only permitted stand-in for a model): streaming, tool round-trips, failures, timeouts,
 * aborts, and that nothing the user wrote reaches a log.
 */

const CANARY = 'canary-7f3e9b1c-秘密の相談';

let stub: OpenAiStub;
beforeAll(async () => {
  stub = await startOpenAiStub();
});
afterAll(async () => {
  await stub.close();
});
afterEach(() => {
  expect(stub.pending()).toBe(0); // every scripted response was asked for
  stub.requests.length = 0;
  vi.restoreAllMocks();
});

function makeEngine(over: { baseUrl?: string; timeoutMs?: number } = {}) {
  const logs: LlmLogEntry[] = [];
  const engine = new LlmEngine({
    baseUrl: over.baseUrl ?? stub.baseUrl,
    model: 'stub-model',
    apiKey: 'sk-test-key',
    firstTokenTimeoutMs: over.timeoutMs ?? 300,
    timeoutMs: over.timeoutMs ?? 300,
    log: (e) => logs.push(e),
  });
  return { engine, logs };
}

function makeTools() {
  const notes: Array<{ title: string; body: string }> = [];
  const agendas: Array<{ items: Array<{ topic: string; ask: string }> }> = [];
  const tools: CompanionTools = {
    async savePrivateNote(input) {
      notes.push(input);
      return { id: `note-${notes.length}` };
    },
    async draftOneOnOneAgenda(input) {
      agendas.push(input);
      return { markdown: input.items.map((i, n) => `${n + 1}. ${i.topic} — ${i.ask}`).join('\n') };
    },
  };
  return { tools, notes, agendas };
}

function input(over: Partial<EngineInput> = {}): EngineInput {
  return {
    mode: 'free',
    locale: 'ja',
    history: [],
    message: 'こんにちは',
    companyAiPolicy: null,
    tools: makeTools().tools,
    signal: new AbortController().signal,
    ...over,
  };
}

async function collect(events: AsyncIterable<EngineEvent>): Promise<EngineEvent[]> {
  const out: EngineEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

describe('LlmEngine.respond', () => {
  it('streams the model text deltas in order, with the system prompt, history and tools sent', async () => {
    stub.enqueue({
      kind: 'text',
      chunks: ['最近', '、', { text: 'どんな', delayMs: 5 }, 'ことが気に', 'なりますか？'],
    });
    const { engine } = makeEngine();
    const events = await collect(
      engine.respond(
        input({
          mode: 'direction',
          companyAiPolicy: '当社のAIは相談相手であり、人事評価には使いません。',
          history: [
            { role: 'user', content: '前の質問' },
            { role: 'assistant', content: '前の答え' },
          ],
          message: '将来が不安です',
        }),
      ),
    );

    expect(events).toEqual([
      { type: 'text', delta: '最近' },
      { type: 'text', delta: '、' },
      { type: 'text', delta: 'どんな' },
      { type: 'text', delta: 'ことが気に' },
      { type: 'text', delta: 'なりますか？' },
    ]);
    expect(stub.requests).toHaveLength(1);
    const req = stub.requests[0]!;
    expect(req.url).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe('Bearer sk-test-key');
    expect(req.body.model).toBe('stub-model');
    expect(req.body.stream).toBe(true);
    const messages = req.body.messages ?? [];
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    const system = String(messages[0]!.content);
    expect(system).toContain('評価・判定・採点しない'); // what it never does
    expect(system).toContain('上司や人事（HRBP）'); // decisions are the user's, with manager or HRBP
    expect(system).toContain('当社のAIは相談相手であり、人事評価には使いません。'); // company policy
    expect(system).toContain('Will / Can / Must'); // the mode's guidance
    expect(messages.slice(1).map((m) => m.content)).toEqual(['前の質問', '前の答え', '将来が不安です']);
    expect(req.body.tools?.map((t) => t.function.name)).toEqual([
      'save_private_note',
      'draft_one_on_one_agenda',
    ]);
    const noteParams = req.body.tools?.[0]?.function.parameters as { required?: string[] };
    expect(noteParams.required).toEqual(['title', 'body']);
  });

  it('speaks English to the model when the user reads English, and leaves out an empty policy', async () => {
    stub.enqueue({ kind: 'text', chunks: ['Hello'] });
    const { engine } = makeEngine();
    await collect(engine.respond(input({ locale: 'en', mode: 'moyamoya', companyAiPolicy: '  ' })));
    const system = String(stub.requests[0]!.body.messages?.[0]?.content);
    expect(system).toContain('Judge, assess or score anyone');
    expect(system).toContain('Mode: sort out vague feelings');
    expect(system).not.toContain("this company's own statement");
    expect(system).not.toMatch(/[ぁ-ん]/);
  });

  it('keeps query parameters of the base URL (Azure api-version) and sends no key when none is set', async () => {
    stub.enqueue({ kind: 'text', chunks: ['ok'] });
    const engine = new LlmEngine({
      baseUrl: `${stub.baseUrl}/?api-version=2024-10-21`,
      model: 'deployment-1',
      apiKey: undefined,
      firstTokenTimeoutMs: 1000,
      timeoutMs: 1000,
    });
    expect(await collect(engine.respond(input()))).toEqual([{ type: 'text', delta: 'ok' }]);
    expect(stub.requests[0]!.url).toBe('/v1/chat/completions?api-version=2024-10-21');
    expect(stub.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('offers no tools to a model server configured without tool calling', async () => {
    stub.enqueue({ kind: 'text', chunks: ['はい'] });
    const engine = new LlmEngine({
      baseUrl: stub.baseUrl,
      model: 'no-tools',
      apiKey: undefined,
      firstTokenTimeoutMs: 1000,
      timeoutMs: 1000,
      tools: false,
    });
    expect(await collect(engine.respond(input({ mode: 'oneonone' })))).toEqual([
      { type: 'text', delta: 'はい' },
    ]);
    expect(stub.requests[0]!.body.tools).toBeUndefined();
    expect(String(stub.requests[0]!.body.messages?.[0]?.content)).not.toContain('save_private_note');
  });

  it('does not show a reasoning model its inline <think> section', async () => {
    stub.enqueue({
      kind: 'text',
      chunks: ['<thi', 'nk>ユーザーは不安', 'そう</think>', 'お話を', '聞かせてください。'],
    });
    const { engine } = makeEngine();
    const events = await collect(engine.respond(input()));
    const text = events.map((e) => (e.type === 'text' ? e.delta : `[${e.type}]`)).join('');
    expect(text).toBe('お話を聞かせてください。');
  });

  it('runs save_private_note with the model arguments and sends the result back to the model', async () => {
    const args = { title: '1on1で話すこと', body: '異動の希望を\n伝えたい' };
    stub.enqueue(
      { kind: 'tool_call', name: 'save_private_note', args, id: 'call_abc', argumentChunks: 4 },
      { kind: 'text', chunks: ['メモに', '残しました。'] },
    );
    const { tools, notes } = makeTools();
    const { engine } = makeEngine();
    const events = await collect(engine.respond(input({ tools, message: 'メモしておいて' })));

    expect(notes).toEqual([args]);
    expect(events).toEqual([
      {
        type: 'tool',
        name: 'save_private_note',
        ok: true,
        summary: '非公開メモに保存しました：「1on1で話すこと」',
      },
      { type: 'text', delta: 'メモに' },
      { type: 'text', delta: '残しました。' },
    ]);
    expect(stub.requests).toHaveLength(2);
    const followUp = stub.requests[1]!.body.messages ?? [];
    const assistant = followUp.find((m) => m.role === 'assistant' && m.tool_calls?.length);
    expect(assistant?.tool_calls?.[0]?.id).toBe('call_abc');
    expect(assistant?.tool_calls?.[0]?.function.name).toBe('save_private_note');
    expect(JSON.parse(assistant?.tool_calls?.[0]?.function.arguments ?? '{}')).toEqual(args);
    const toolMessage = followUp.find((m) => m.role === 'tool');
    expect(toolMessage?.tool_call_id).toBe('call_abc');
    expect(JSON.parse(String(toolMessage?.content))).toEqual({ saved: true });
  });

  it('returns a drafted 1on1 agenda to the user and to the model', async () => {
    const items = [{ topic: '来期の役割', ask: '期待されていることを聞きたい' }];
    stub.enqueue(
      { kind: 'tool_call', name: 'draft_one_on_one_agenda', args: { items }, textBefore: ['下書きします。'] },
      { kind: 'text', chunks: ['どうでしょう？'] },
    );
    const { tools, agendas } = makeTools();
    const { engine } = makeEngine();
    const events = await collect(engine.respond(input({ mode: 'oneonone', tools })));

    expect(agendas).toEqual([{ items }]);
    expect(events).toEqual([
      { type: 'text', delta: '下書きします。' },
      {
        type: 'tool',
        name: 'draft_one_on_one_agenda',
        ok: true,
        summary: '1. 来期の役割 — 期待されていることを聞きたい',
      },
      { type: 'text', delta: 'どうでしょう？' },
    ]);
    const toolMessage = stub.requests[1]!.body.messages?.find((m) => m.role === 'tool');
    expect(JSON.parse(String(toolMessage?.content))).toEqual({
      drafted: true,
      agenda: '1. 来期の役割 — 期待されていることを聞きたい',
    });
  });

  it('does not run a tool whose arguments break its schema, and tells the user it failed', async () => {
    stub.enqueue(
      { kind: 'tool_call', name: 'save_private_note', args: { title: '' } },
      { kind: 'text', chunks: ['保存できませんでした。'] },
    );
    const { tools, notes } = makeTools();
    const { engine } = makeEngine();
    const events = await collect(engine.respond(input({ tools })));
    expect(notes).toEqual([]);
    expect(events[0]).toMatchObject({ type: 'tool', name: 'save_private_note', ok: false });
    expect(events.at(-1)).toEqual({ type: 'text', delta: '保存できませんでした。' });
  });

  it('reports a failing tool as not ok, without the error text reaching the model or the log', async () => {
    stub.enqueue(
      { kind: 'tool_call', name: 'save_private_note', args: { title: 't', body: 'b' } },
      { kind: 'text', chunks: ['ごめんなさい。'] },
    );
    const { tools } = makeTools();
    tools.savePrivateNote = async () => {
      throw new Error(`vault exploded near ${CANARY}`);
    };
    const { engine, logs } = makeEngine();
    const events = await collect(engine.respond(input({ tools })));
    expect(events[0]).toEqual({
      type: 'tool',
      name: 'save_private_note',
      ok: false,
      summary: 'メモを保存できませんでした。もう一度お試しください。',
    });
    const toolMessage = stub.requests[1]!.body.messages?.find((m) => m.role === 'tool');
    expect(JSON.parse(String(toolMessage?.content))).toEqual({ saved: false });
    expect(logs).toEqual([
      { event: 'companion.tool_failed', tool: 'save_private_note', errorClass: 'Error' },
    ]);
  });

  it('turns an HTTP error into companion.model_failed without throwing', async () => {
    stub.enqueue({ kind: 'http_error', status: 500, message: `upstream broke on ${CANARY}` });
    const { engine, logs } = makeEngine();
    const events = await collect(engine.respond(input({ message: CANARY })));
    expect(events).toEqual([{ type: 'error', code: 'companion.model_failed' }]);
    expect(logs).toEqual([{ event: 'companion.model_failed', errorClass: 'AI_APICallError', status: 500 }]);
  });

  it('turns a refused connection into companion.model_failed', async () => {
    const gone = await startOpenAiStub();
    const baseUrl = gone.baseUrl;
    await gone.close();
    const { engine, logs } = makeEngine({ baseUrl });
    const events = await collect(engine.respond(input()));
    expect(events).toEqual([{ type: 'error', code: 'companion.model_failed' }]);
    expect(logs[0]).toMatchObject({ event: 'companion.model_failed', cause: 'ECONNREFUSED' });
  });

  it.each([
    ['sends nothing at all', false],
    ['sends headers but never a token', true],
  ])('gives up with companion.model_timeout when the model %s', async (_label, sendHeaders) => {
    stub.enqueue({ kind: 'hang', sendHeaders });
    const { engine, logs } = makeEngine({ timeoutMs: 300 });
    const events = await collect(engine.respond(input()));
    expect(events).toEqual([{ type: 'error', code: 'companion.model_timeout' }]);
    expect(logs).toEqual([{ event: 'companion.model_timeout' }]);
    await stub.requests[0]!.closed;
    expect(stub.requests[0]!.closedByClient).toBe(true);
  });

  it('keeps the text already streamed and then reports a stalled stream as a timeout', async () => {
    stub.enqueue({ kind: 'stall', chunks: ['途中まで', 'の答え'] });
    const { engine } = makeEngine({ timeoutMs: 300 });
    const events = await collect(engine.respond(input()));
    expect(events).toEqual([
      { type: 'text', delta: '途中まで' },
      { type: 'text', delta: 'の答え' },
      { type: 'error', code: 'companion.model_timeout' },
    ]);
  });

  it('aborts the upstream request when the client disconnects, and ends without an error event', async () => {
    stub.enqueue({ kind: 'stall', chunks: ['はじめの言葉'] });
    const client = new AbortController();
    const { engine, logs } = makeEngine({ timeoutMs: 30_000 });
    const events: EngineEvent[] = [];
    for await (const e of engine.respond(input({ signal: client.signal }))) {
      events.push(e);
      client.abort(); // the browser went away after the first token
    }
    await stub.requests[0]!.closed;
    expect(stub.requests[0]!.closedByClient).toBe(true);
    expect(events).toEqual([{ type: 'text', delta: 'はじめの言葉' }]);
    expect(logs).toEqual([]);
  });

  it('aborts the upstream request when the consumer stops reading', async () => {
    stub.enqueue({ kind: 'stall', chunks: ['一つ目'] });
    const { engine } = makeEngine({ timeoutMs: 30_000 });
    for await (const e of engine.respond(input())) {
      expect(e).toEqual({ type: 'text', delta: '一つ目' });
      break;
    }
    await stub.requests[0]!.closed;
    expect(stub.requests[0]!.closedByClient).toBe(true);
  });

  it('does not call the model at all when the client is already gone', async () => {
    const client = new AbortController();
    client.abort();
    const { engine } = makeEngine();
    expect(await collect(engine.respond(input({ signal: client.signal })))).toEqual([]);
    expect(stub.requests).toHaveLength(0);
  });

  it('never writes what the user said or what the model answered to the console or the log', async () => {
    const consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(() => {}),
    );
    stub.enqueue(
      { kind: 'text', chunks: [`answer ${CANARY}`] },
      { kind: 'http_error', status: 400, message: `bad request about ${CANARY}` },
      { kind: 'stall', chunks: [`half ${CANARY}`] },
      { kind: 'tool_call', name: 'save_private_note', args: { title: CANARY, body: CANARY } },
      { kind: 'text', chunks: [`saved ${CANARY}`] },
    );
    const { engine, logs } = makeEngine({ timeoutMs: 300 });
    const history = [
      { role: 'user' as const, content: CANARY },
      { role: 'assistant' as const, content: CANARY },
    ];
    for (let i = 0; i < 4; i += 1) await collect(engine.respond(input({ message: CANARY, history })));
    const written = JSON.stringify([logs, consoleSpies.map((s) => s.mock.calls)], (_k, v: unknown) =>
      v instanceof Error ? { name: v.name, message: v.message, cause: String(v.cause) } : v,
    );
    expect(logs.length).toBeGreaterThan(0);
    expect(written).not.toContain('canary-7f3e9b1c');
  });
});

describe('LlmEngine.summarize', () => {
  it('asks for the mode-shaped summary in the user own words and returns Markdown only', async () => {
    stub.enqueue({
      kind: 'text',
      chunks: [
        '```markdown\n## Will / Can / Must\n',
        '| 観点 | 本人の言葉 |\n|---|---|\n',
        '| Will | 人を<b>育てたい</b> |\n```',
      ],
    });
    const { engine } = makeEngine();
    const markdown = await engine.summarize({
      mode: 'direction',
      locale: 'ja',
      history: [
        { role: 'user', content: '人を育てたい' },
        { role: 'assistant', content: 'いいですね' },
      ],
      signal: new AbortController().signal,
    });
    expect(markdown).toBe('## Will / Can / Must\n| 観点 | 本人の言葉 |\n|---|---|\n| Will | 人を育てたい |');
    const messages = stub.requests[0]!.body.messages ?? [];
    expect(String(messages[0]!.content)).toContain('本人が使った言葉');
    expect(String(messages[0]!.content)).toContain('「観点」「本人の言葉」の表');
    expect(messages.map((m) => m.content).slice(1, 3)).toEqual(['人を育てたい', 'いいですね']);
    expect(messages.at(-1)).toMatchObject({
      role: 'user',
      content: 'ここまでの会話を、上の形でまとめてください。',
    });
    expect(stub.requests[0]!.body.tools).toBeUndefined();
  });

  it('asks for a 1on1 agenda draft in the oneonone mode', async () => {
    stub.enqueue({ kind: 'text', chunks: ['## 1on1 agenda (draft)\n1. Role'] });
    const { engine } = makeEngine();
    const markdown = await engine.summarize({
      mode: 'oneonone',
      locale: 'en',
      history: [{ role: 'user', content: 'I want to talk about my role' }],
      signal: new AbortController().signal,
    });
    expect(markdown).toBe('## 1on1 agenda (draft)\n1. Role');
    expect(String(stub.requests[0]!.body.messages?.[0]?.content)).toContain('1on1 agenda (draft)');
  });

  it.each([
    [{ kind: 'http_error', status: 503 } as const, 'companion.model_failed'],
    [{ kind: 'hang' } as const, 'companion.model_timeout'],
  ])('throws an AppError with the stable code when the model fails (%o)', async (response, code) => {
    stub.enqueue(response);
    const { engine } = makeEngine({ timeoutMs: 300 });
    const run = engine.summarize({
      mode: 'free',
      locale: 'ja',
      history: [{ role: 'user', content: 'x' }],
      signal: new AbortController().signal,
    });
    await expect(run).rejects.toBeInstanceOf(AppError);
    await expect(run).rejects.toMatchObject({ code });
  });
});
