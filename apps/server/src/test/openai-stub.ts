import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local server that speaks the OpenAI chat-completions protocol (POST /v1/chat/completions,
 * streaming SSE and plain JSON). No model weights can be fetched here, so this is the only
 * stand-in for a model: tests and the bench script what it answers, one scripted response per
 * request, and read back what it received (system prompt, tool definitions, tool results).
 */

/** One streamed piece of text; `delayMs` is waited before it is sent. */
export interface StubChunk {
  text: string;
  delayMs?: number;
}

/** What the stub answers to one request. */
export type StubResponse =
  /** Text, streamed chunk by chunk (or joined, for a non-streaming request). */
  | { kind: 'text'; chunks: Array<string | StubChunk> }
  /**
   * A tool call in the streaming `tool_calls` delta format: the id and function name in the first
   * delta, the JSON arguments split across `argumentChunks` deltas; optional text before it.
   */
  | {
      kind: 'tool_call';
      name: string;
      args: unknown;
      id?: string;
      argumentChunks?: number;
      textBefore?: string[];
    }
  /** An HTTP error with an OpenAI-style error body. */
  | { kind: 'http_error'; status: number; message?: string }
  /**
   * Never sends the first token: with `sendHeaders`, the 200 and SSE headers go out and then
   * nothing; without, not even the status line.
   */
  | { kind: 'hang'; sendHeaders?: boolean }
  /** Streams these chunks, then goes silent without ending the response. */
  | { kind: 'stall'; chunks: Array<string | StubChunk> };

/** A request the stub received, with its parsed JSON body. */
export interface StubRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: StubRequestBody;
  /** True once the client closed the connection before the stub finished its response. */
  closedByClient: boolean;
  /** Resolves when the request's connection is closed (by either side). */
  closed: Promise<void>;
}

/** The parts of a chat-completions request body that tests look at. */
export interface StubRequestBody {
  model?: string;
  stream?: boolean;
  messages?: Array<{
    role: string;
    content?: unknown;
    tool_calls?: Array<{ id: string; type: string; function: { name: string; arguments: string } }>;
    tool_call_id?: string;
  }>;
  tools?: Array<{
    type: string;
    function: { name: string; description?: string; parameters?: Record<string, unknown> };
  }>;
  [key: string]: unknown;
}

export interface OpenAiStub {
  /** Base URL to give the client, ending in `/v1`. */
  baseUrl: string;
  /** Every request received, in order. */
  requests: StubRequest[];
  /** Appends scripted responses; each request takes the next one. */
  enqueue(...responses: StubResponse[]): void;
  /** Responses still waiting for a request. */
  pending(): number;
  close(): Promise<void>;
}

export interface OpenAiStubOptions {
  /** Answer used when the queue is empty (the bench sets one); otherwise an empty queue answers 500. */
  fallback?: StubResponse;
  /** Called to produce each chunk's text just before it is written (the bench stamps send times). */
  stamp?: (text: string) => string;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function asChunk(c: string | StubChunk): StubChunk {
  return typeof c === 'string' ? { text: c } : c;
}

/** Splits a string into `n` roughly equal, non-empty pieces. */
function split(s: string, n: number): string[] {
  const parts: string[] = [];
  const size = Math.max(1, Math.ceil(s.length / Math.max(1, n)));
  for (let i = 0; i < s.length; i += size) parts.push(s.slice(i, i + size));
  return parts.length ? parts : [''];
}

/** Starts the stub on 127.0.0.1 with a free port. */
export async function startOpenAiStub(opts: OpenAiStubOptions = {}): Promise<OpenAiStub> {
  const queue: StubResponse[] = [];
  const requests: StubRequest[] = [];
  const open = new Set<http.ServerResponse>();
  let seq = 0;

  const server = http.createServer((req, res) => {
    const bodyParts: Buffer[] = [];
    req.on('data', (b: Buffer) => bodyParts.push(b));
    req.on('end', () => {
      let body: StubRequestBody = {};
      try {
        body = JSON.parse(Buffer.concat(bodyParts).toString('utf8') || '{}') as StubRequestBody;
      } catch {
        body = {};
      }
      let resolveClosed: () => void = () => {};
      const record: StubRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
        closedByClient: false,
        closed: new Promise<void>((r) => (resolveClosed = r)),
      };
      requests.push(record);
      open.add(res);
      res.on('close', () => {
        if (!res.writableEnded) record.closedByClient = true;
        open.delete(res);
        resolveClosed();
      });
      if (req.method !== 'POST' || !req.url?.startsWith('/v1/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
        return;
      }
      const scripted = queue.shift() ?? opts.fallback;
      seq += 1;
      void respond(res, body, scripted, `chatcmpl-stub-${seq}`);
    });
  });

  async function respond(
    res: http.ServerResponse,
    body: StubRequestBody,
    scripted: StubResponse | undefined,
    id: string,
  ) {
    if (!scripted) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ error: { message: 'openai-stub: no scripted response', type: 'server_error' } }),
      );
      return;
    }
    const model = body.model ?? 'stub';
    const created = Math.floor(Date.now() / 1000);
    const stream = body.stream === true;
    const stamp = opts.stamp ?? ((t: string) => t);
    const closed = () => res.destroyed || res.writableEnded;

    const sse = (delta: Record<string, unknown>, finish: string | null = null) =>
      `data: ${JSON.stringify({
        id,
        object: 'chat.completion.chunk',
        created,
        model,
        choices: [{ index: 0, delta, finish_reason: finish }],
      })}\n\n`;
    const startSse = () =>
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
    const streamChunks = async (chunks: Array<string | StubChunk>) => {
      for (const raw of chunks) {
        const c = asChunk(raw);
        if (c.delayMs) await sleep(c.delayMs);
        if (closed()) return false;
        res.write(sse({ content: stamp(c.text) }));
      }
      return true;
    };
    const json = (message: Record<string, unknown>, finish: string) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id,
          object: 'chat.completion',
          created,
          model,
          choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finish }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
    };

    switch (scripted.kind) {
      case 'http_error': {
        res.writeHead(scripted.status, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            error: { message: scripted.message ?? 'scripted failure', type: 'server_error', code: null },
          }),
        );
        return;
      }
      case 'hang': {
        if (scripted.sendHeaders) {
          startSse();
          res.flushHeaders();
        }
        return; // never answers; the client must give up
      }
      case 'text': {
        if (!stream) {
          json({ content: scripted.chunks.map((c) => asChunk(c).text).join('') }, 'stop');
          return;
        }
        startSse();
        res.write(sse({ role: 'assistant', content: '' }));
        if (!(await streamChunks(scripted.chunks))) return;
        res.write(sse({}, 'stop'));
        res.end('data: [DONE]\n\n');
        return;
      }
      case 'stall': {
        startSse();
        res.write(sse({ role: 'assistant', content: '' }));
        await streamChunks(scripted.chunks);
        return; // goes silent with the response still open
      }
      case 'tool_call': {
        const callId = scripted.id ?? `call_${id}`;
        const args = JSON.stringify(scripted.args);
        if (!stream) {
          json(
            {
              content: scripted.textBefore?.join('') ?? null,
              tool_calls: [
                { id: callId, type: 'function', function: { name: scripted.name, arguments: args } },
              ],
            },
            'tool_calls',
          );
          return;
        }
        startSse();
        res.write(sse({ role: 'assistant', content: '' }));
        if (scripted.textBefore && !(await streamChunks(scripted.textBefore))) return;
        res.write(
          sse({
            tool_calls: [
              { index: 0, id: callId, type: 'function', function: { name: scripted.name, arguments: '' } },
            ],
          }),
        );
        for (const piece of split(args, scripted.argumentChunks ?? 3)) {
          await sleep(1);
          if (closed()) return;
          res.write(sse({ tool_calls: [{ index: 0, function: { arguments: piece } }] }));
        }
        res.write(sse({}, 'tool_calls'));
        res.end('data: [DONE]\n\n');
        return;
      }
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...r) => void queue.push(...r),
    pending: () => queue.length,
    async close() {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
