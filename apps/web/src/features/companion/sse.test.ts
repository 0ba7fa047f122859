import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSseParser, parseChatEvent, readChatEvents, type ChatEvent } from './sse.ts';

const encoder = new TextEncoder();

/** Feeds `bytes` split at the given offsets and returns every dispatched data payload. */
function parseInChunks(bytes: Uint8Array, cuts: number[]): string[] {
  const out: string[] = [];
  const parser = createSseParser((d) => out.push(d));
  let start = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    parser.push(bytes.slice(start, cut));
    start = cut;
  }
  parser.push(bytes.slice(start));
  parser.end();
  return out;
}

/** What the server sends: `data: <json>\n\n` per event (modules/companion/chat.ts toSse). */
function serverStream(events: ChatEvent[]): Uint8Array {
  return encoder.encode(events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join(''));
}

const JAPANESE: ChatEvent[] = [
  { type: 'text', delta: '「最近モヤモヤ' },
  { type: 'text', delta: 'しています」と書いてくれましたね。' },
  { type: 'text', delta: '\n\nそれは、いつ頃から？🌱' },
  { type: 'done', conversationId: '0b7f9a52-3a6f-4a47-9c53-8f1f0e7d2a11' },
];

describe('SSE parser', () => {
  it('reads the server stream in one piece', () => {
    const data = parseInChunks(serverStream(JAPANESE), []);
    expect(data.map(parseChatEvent)).toEqual(JAPANESE);
  });

  it('survives a chunk boundary inside a multi-byte UTF-8 character', () => {
    const bytes = serverStream(JAPANESE);
    // "モ" is 3 bytes (E3 83 A2): cut after its first and after its second byte.
    const at = Buffer.from(bytes).indexOf(Buffer.from('モ'));
    expect(at).toBeGreaterThan(0);
    for (const cut of [at + 1, at + 2]) {
      expect(parseInChunks(bytes, [cut]).map(parseChatEvent)).toEqual(JAPANESE);
    }
    // The emoji is 4 bytes: every cut inside it.
    const emoji = Buffer.from(bytes).indexOf(Buffer.from('🌱'));
    expect(parseInChunks(bytes, [emoji + 1, emoji + 2, emoji + 3]).map(parseChatEvent)).toEqual(JAPANESE);
  });

  it('survives a chunk boundary in the middle of a line and between the two newlines', () => {
    const bytes = serverStream(JAPANESE);
    const text = Buffer.from(bytes);
    const firstBreak = text.indexOf('\n\n');
    expect(parseInChunks(bytes, [3, firstBreak + 1]).map(parseChatEvent)).toEqual(JAPANESE);
  });

  it('gives the same events for every way of cutting the bytes (one byte at a time too)', () => {
    const bytes = serverStream(JAPANESE);
    expect(
      parseInChunks(
        bytes,
        Array.from({ length: bytes.length }, (_, i) => i),
      ),
    ).toHaveLength(4);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }), (cuts) => {
        expect(parseInChunks(bytes, cuts).map(parseChatEvent)).toEqual(JAPANESE);
      }),
    );
  });

  it('handles CRLF and CR line ends, even with CR and LF in different chunks', () => {
    const crlf = encoder.encode('data: {"type":"text","delta":"あ"}\r\n\r\ndata: {"type":"done"}\r\n\r\n');
    const cr = encoder.encode('data: {"type":"text","delta":"あ"}\r\rdata: {"type":"done"}\r\r');
    const expected = [{ type: 'text', delta: 'あ' }, { type: 'done' }];
    for (let cut = 1; cut < crlf.length; cut++) {
      expect(parseInChunks(crlf, [cut]).map(parseChatEvent)).toEqual(expected);
    }
    for (let cut = 1; cut < cr.length; cut++) {
      expect(parseInChunks(cr, [cut]).map(parseChatEvent)).toEqual(expected);
    }
  });

  it('joins multi-line data, ignores comments and other fields, drops an unfinished event', () => {
    const out: string[] = [];
    const parser = createSseParser((d) => out.push(d));
    parser.push(': keep-alive\nevent: message\nid: 7\ndata: line 1\ndata:line 2\n\ndata: never ended');
    parser.end();
    expect(out).toEqual(['line 1\nline 2']);
  });

  it('accepts only event shapes it knows', () => {
    expect(parseChatEvent('{"type":"text","delta":"x"}')).toEqual({ type: 'text', delta: 'x' });
    expect(parseChatEvent('{"type":"text"}')).toBeNull();
    expect(parseChatEvent('{"type":"surprise"}')).toBeNull();
    expect(parseChatEvent('not json')).toBeNull();
    expect(
      parseChatEvent(
        JSON.stringify({
          type: 'crisis',
          contacts: [{ name: '相談窓口', description: '', phone: '0120-000-000', kind: 'company' }],
          publicContacts: [],
        }),
      ),
    ).toMatchObject({ type: 'crisis', contacts: [{ name: '相談窓口', phone: '0120-000-000' }] });
  });

  it('reads a ReadableStream of byte chunks as they arrive', async () => {
    const bytes = serverStream(JAPANESE);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 5) controller.enqueue(bytes.slice(i, i + 5));
        controller.close();
      },
    });
    const seen: ChatEvent[] = [];
    await readChatEvents(stream, (e) => seen.push(e));
    expect(seen).toEqual(JAPANESE);
  });
});
