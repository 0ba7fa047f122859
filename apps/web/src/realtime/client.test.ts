import { describe, expect, it } from 'vitest';
import { RealtimeClient, type SocketLike } from './client.ts';
import { StreamCursors } from './cursors.ts';
import { backoffDelay } from './backoff.ts';
import type { LiveEvent } from './protocol.ts';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  closedWith: number | null = null;
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close(code = 1000) {
    this.closedWith = code;
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

/** A client with a fake socket factory and a manual clock. */
function setup() {
  const sockets: FakeSocket[] = [];
  const timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let now = 0;
  let nextId = 1;
  const events: LiveEvent[] = [];
  const resyncs: string[] = [];
  const subscribed: Array<[string, boolean]> = [];
  let sessionEnded = false;
  const client = new RealtimeClient({
    url: 'ws://test/api/events/ws',
    createSocket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    handlers: {
      onEvent: (e) => events.push(e),
      onResync: (s) => resyncs.push(s),
      onSubscribed: (s, resumed) => subscribed.push([s, resumed]),
      onSessionEnded: () => {
        sessionEnded = true;
      },
    },
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimer: (h) => {
      const i = timers.findIndex((t) => t.id === h);
      if (i >= 0) timers.splice(i, 1);
    },
    random: () => 1,
    pingIntervalMs: 25_000,
    probeTimeoutMs: 4_000,
  });
  const advance = (ms: number) => {
    const target = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const t = timers[0];
      if (!t || t.at > target) break;
      timers.shift();
      now = t.at;
      t.fn();
    }
    now = target;
  };
  const last = () => sockets[sockets.length - 1]!;
  const ev = (stream: string, id: number, event = 'post.created') => ({
    type: 'event',
    stream,
    id,
    event,
    payload: { postId: `p${id}` },
    at: '2026-01-01T00:00:00Z',
  });
  return {
    client,
    sockets,
    last,
    advance,
    ev,
    events,
    resyncs,
    subscribed,
    isSessionEnded: () => sessionEnded,
  };
}

describe('StreamCursors', () => {
  it('applies the next id, drops replays, and reports a gap', () => {
    const c = new StreamCursors();
    expect(c.get('s')).toBeNull();
    expect(c.accept('s', 5)).toBe('apply');
    expect(c.accept('s', 6)).toBe('apply');
    expect(c.accept('s', 6)).toBe('duplicate');
    expect(c.accept('s', 3)).toBe('duplicate');
    expect(c.accept('s', 9)).toBe('gap');
    expect(c.get('s')).toBe(9);
  });

  it('starts a first subscription at the head and flags a resume that fell short', () => {
    const c = new StreamCursors();
    expect(c.subscribed('s', 10)).toBe(false);
    expect(c.get('s')).toBe(10);
    expect(c.subscribed('s', 10)).toBe(false);
    expect(c.subscribed('s', 12)).toBe(true);
    expect(c.get('s')).toBe(12);
    // A head below the cursor means the stream's history restarted: refetch and follow it.
    expect(c.subscribed('s', 2)).toBe(true);
    expect(c.get('s')).toBe(2);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially with jitter and stays under the cap', () => {
    expect(backoffDelay(0, { random: () => 0 })).toBe(250);
    expect(backoffDelay(0, { random: () => 1 })).toBe(500);
    expect(backoffDelay(3, { random: () => 1 })).toBe(4000);
    expect(backoffDelay(50, { random: () => 1 })).toBe(30_000);
    expect(backoffDelay(50, { random: () => 0 })).toBe(15_000);
  });
});

describe('RealtimeClient', () => {
  it('subscribes from now on first connect, then resumes after the last id seen after a drop', () => {
    const t = setup();
    t.client.setStreams(['user:u1', 'community:c1']);
    t.client.start();
    t.last().open();
    expect(t.last().sent).toEqual([
      {
        type: 'subscribe',
        streams: [
          { stream: 'user:u1', after: null },
          { stream: 'community:c1', after: null },
        ],
      },
    ]);
    t.last().receive({ type: 'subscribed', stream: 'user:u1', head: 3 });
    t.last().receive({ type: 'subscribed', stream: 'community:c1', head: 40 });
    expect(t.subscribed).toEqual([
      ['user:u1', false],
      ['community:c1', false],
    ]);
    t.last().receive(t.ev('community:c1', 41));
    t.last().receive(t.ev('community:c1', 42));

    // The network drops; the client reconnects after the backoff and asks for what it missed.
    t.last().drop();
    expect(t.sockets).toHaveLength(1);
    t.advance(500);
    expect(t.sockets).toHaveLength(2);
    t.last().open();
    expect(t.last().sent).toEqual([
      {
        type: 'subscribe',
        streams: [
          { stream: 'user:u1', after: 3 },
          { stream: 'community:c1', after: 42 },
        ],
      },
    ]);
    // The replay overlaps what was already applied: each id is applied once, in order.
    for (const id of [41, 42, 43, 44]) t.last().receive(t.ev('community:c1', id));
    t.last().receive({ type: 'subscribed', stream: 'community:c1', head: 44 });
    t.last().receive(t.ev('community:c1', 44));
    t.last().receive(t.ev('community:c1', 45));
    expect(t.events.map((e) => e.id)).toEqual([41, 42, 43, 44, 45]);
    expect(t.subscribed.slice(2)).toEqual([['community:c1', true]]);
    expect(t.resyncs).toEqual([]);
    expect(t.client.cursor('community:c1')).toBe(45);
  });

  it('refetches on resync and on a gap, and continues after the new head', () => {
    const t = setup();
    t.client.setStreams(['community:c1']);
    t.client.start();
    t.last().open();
    t.last().receive({ type: 'subscribed', stream: 'community:c1', head: 1 });
    t.last().receive({ type: 'resync', stream: 'community:c1', head: 900 });
    expect(t.resyncs).toEqual(['community:c1']);
    t.last().receive(t.ev('community:c1', 900));
    t.last().receive(t.ev('community:c1', 901));
    t.last().receive(t.ev('community:c1', 905));
    expect(t.events.map((e) => e.id)).toEqual([901, 905]);
    expect(t.resyncs).toEqual(['community:c1', 'community:c1']);
  });

  it('reconnects at once when the tab wakes up, without waiting for the backoff', () => {
    const t = setup();
    t.client.setStreams(['user:u1']);
    t.client.start();
    t.last().open();
    t.last().receive({ type: 'subscribed', stream: 'user:u1', head: 7 });
    t.last().drop();
    // Several failed attempts make the backoff long…
    for (let i = 0; i < 4; i++) {
      t.advance(60_000);
      t.last().drop();
    }
    const before = t.sockets.length;
    t.client.wake();
    expect(t.sockets).toHaveLength(before + 1);
    t.last().open();
    expect(t.last().sent).toEqual([{ type: 'subscribe', streams: [{ stream: 'user:u1', after: 7 }] }]);
  });

  it('replaces an open socket that no longer answers after sleep', () => {
    const t = setup();
    t.client.setStreams(['user:u1']);
    t.client.start();
    const first = t.last();
    first.open();
    first.receive({ type: 'subscribed', stream: 'user:u1', head: 0 });
    t.client.wake();
    expect(first.sent.at(-1)).toEqual({ type: 'ping' });
    t.advance(4_000);
    expect(first.closedWith).toBe(4000);
    expect(t.sockets).toHaveLength(2);
    // A socket that answers the probe is kept.
    t.last().open();
    t.client.wake();
    t.last().receive({ type: 'pong' });
    t.advance(10_000);
    expect(t.sockets).toHaveLength(2);
  });

  it('detects a silent connection with its periodic ping', () => {
    const t = setup();
    t.client.setStreams(['user:u1']);
    t.client.start();
    t.last().open();
    t.advance(25_000);
    expect(t.last().sent.at(-1)).toEqual({ type: 'ping' });
    t.advance(25_000);
    expect(t.sockets[0]!.closedWith).toBe(4000);
    t.advance(1_000);
    expect(t.sockets).toHaveLength(2);
  });

  it('subscribes and unsubscribes the difference when the wanted streams change', () => {
    const t = setup();
    t.client.setStreams(['user:u1', 'community:a']);
    t.client.start();
    t.last().open();
    t.last().receive({ type: 'subscribed', stream: 'community:a', head: 5 });
    t.client.setStreams(['user:u1', 'community:b']);
    expect(t.last().sent.slice(1)).toEqual([
      { type: 'unsubscribe', streams: ['community:a'] },
      { type: 'subscribe', streams: [{ stream: 'community:b', after: null }] },
    ]);
    // A late event of the dropped stream is ignored.
    t.last().receive(t.ev('community:a', 6));
    expect(t.events).toEqual([]);
    expect(t.client.cursor('community:a')).toBeNull();
  });

  it('stops for good when the server says the session ended', () => {
    const t = setup();
    t.client.setStreams(['user:u1']);
    t.client.start();
    t.last().open();
    t.last().drop(4401);
    expect(t.isSessionEnded()).toBe(true);
    t.advance(120_000);
    t.client.wake();
    expect(t.sockets).toHaveLength(1);
  });

  it('forgets a denied stream (left a private community)', () => {
    const t = setup();
    t.client.setStreams(['community:secret']);
    t.client.start();
    t.last().open();
    t.last().receive({ type: 'denied', stream: 'community:secret' });
    t.last().drop();
    t.advance(1_000);
    t.last().open();
    expect(t.last().sent).toEqual([]);
  });
});
