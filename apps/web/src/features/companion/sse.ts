import { z } from 'zod';

/**
 * Reading POST /api/companion/chat, which answers `text/event-stream`. EventSource cannot POST, so
 * the page reads the body with fetch + ReadableStream and this parser turns its bytes into events.
 * Network chunks end anywhere: in the middle of a line, between `\r` and `\n`, or inside one
 * multi-byte UTF-8 character (Japanese is 3 bytes each), so bytes are decoded in streaming mode
 * and only complete lines are interpreted.
 */

/**
 * A Server-Sent Events parser (the WHATWG rules that matter here): lines end with CRLF, LF or CR;
 * `data:` lines of one event are joined with `\n`; a blank line dispatches the event; comments
 * (`:`) and other fields are ignored; an event not ended by a blank line when the stream ends is
 * dropped, as the standard says.
 */
export function createSseParser(onData: (data: string) => void) {
  const decoder = new TextDecoder('utf-8');
  let buffer = '';
  let data: string[] = [];

  const line = (text: string) => {
    if (text === '') {
      if (data.length) onData(data.join('\n'));
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
  };

  const drain = (final: boolean) => {
    let start = 0;
    for (let i = 0; i < buffer.length; i++) {
      const c = buffer[i];
      if (c !== '\n' && c !== '\r') continue;
      // A CR at the very end may be the first half of a CRLF still on its way.
      if (c === '\r' && i === buffer.length - 1 && !final) break;
      line(buffer.slice(start, i));
      if (c === '\r' && buffer[i + 1] === '\n') i++;
      start = i + 1;
    }
    buffer = buffer.slice(start);
  };

  return {
    /** Feeds the next chunk of bytes (or already decoded text). */
    push(chunk: Uint8Array | string) {
      buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      drain(false);
    },
    /** The stream ended: flushes the decoder; a half-received event is dropped. */
    end() {
      buffer += decoder.decode();
      drain(true);
      buffer = '';
      data = [];
    },
  };
}

const Contact = z.object({
  name: z.string(),
  description: z.string().default(''),
  phone: z.string().optional(),
  url: z.string().optional(),
  hours: z.string().optional(),
  kind: z.enum(['company', 'public']),
});
/** A human support contact shown when a message suggests a crisis. */
export type ShownContact = z.infer<typeof Contact>;

const ChatEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), delta: z.string() }),
  z.object({ type: z.literal('tool'), name: z.string(), ok: z.boolean(), summary: z.string() }),
  z.object({ type: z.literal('crisis'), contacts: z.array(Contact), publicContacts: z.array(Contact) }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
  z.object({ type: z.literal('done'), conversationId: z.string().optional() }),
]);
/** One event of the chat stream (the server's `ChatEvent`, see modules/companion/chat.ts). */
export type ChatEvent = z.infer<typeof ChatEvent>;

/** The event in one `data:` payload, or null for anything this version does not understand. */
export function parseChatEvent(data: string): ChatEvent | null {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = ChatEvent.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/**
 * Reads a whole event stream, calling `onEvent` for each event as it arrives. Resolves when the
 * stream ends; rejects when reading fails (a dropped connection, or the caller's abort).
 */
export async function readChatEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: ChatEvent) => void,
): Promise<void> {
  const parser = createSseParser((data) => {
    const event = parseChatEvent(data);
    if (event) onEvent(event);
  });
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.push(value);
    }
    parser.end();
  } finally {
    reader.releaseLock();
  }
}
