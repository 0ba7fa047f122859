import { backoffDelay } from './backoff.ts';
import { StreamCursors } from './cursors.ts';
import { parseServerMessage, type LiveEvent } from './protocol.ts';

/** The parts of a browser WebSocket the client uses (a fake one in tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

const OPEN = 1;

/** What the app does with the stream (see realtime/cacheSync.ts). */
export interface RealtimeHandlers {
  /** A new event, each id once, in server order per stream. */
  onEvent(event: LiveEvent): void;
  /** Events were missed (cursor too old, or a gap): reload what this stream's data shows. */
  onResync(stream: string): void;
  /** The stream is live; `resumed` is false for a first subscription (data loaded before may be stale). */
  onSubscribed?(stream: string, resumed: boolean, sentAt: number): void;
  onDenied?(stream: string): void;
  /** The server closed the socket because the session ended (4401): no reconnect. */
  onSessionEnded?(): void;
  onStatus?(status: 'connecting' | 'open' | 'closed'): void;
}

export interface RealtimeOptions {
  url: string;
  createSocket: (url: string) => SocketLike;
  handlers: RealtimeHandlers;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  random?: () => number;
  /** A ping this often while open; no answer (nor any other frame) before the next one: reconnect. */
  pingIntervalMs?: number;
  /** After waking up (visibility, online) an open socket must answer a ping this fast. */
  probeTimeoutMs?: number;
  now?: () => number;
}

/**
 * One WebSocket per tab to GET /api/events/ws. It keeps the set of wanted streams and the last id
 * seen on each; after any drop it reconnects (at once when the tab becomes visible or the network
 * comes back, else with backoff) and resubscribes with `after` = last id, so the server replays
 * what was missed: nothing is missed, nothing applied twice, server order kept.
 */
export class RealtimeClient {
  private readonly cursors = new StreamCursors();
  private readonly wanted = new Set<string>();
  /** Streams subscribed on the current socket. */
  private readonly live = new Set<string>();
  /** When each live stream's subscribe was sent (data loaded before that may be stale). */
  private readonly sentAt = new Map<string, number>();
  private socket: SocketLike | null = null;
  private attempt = 0;
  private running = false;
  private reconnectTimer: unknown = null;
  private pingTimer: unknown = null;
  private probeTimer: unknown = null;
  private heardSincePing = true;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly opts: RealtimeOptions) {
    this.setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.connect();
  }

  stop(): void {
    this.running = false;
    this.clearTimers();
    const s = this.socket;
    this.socket = null;
    this.live.clear();
    if (s) {
      s.onclose = null;
      s.onmessage = null;
      s.close(1000, 'bye');
    }
  }

  /** The streams this tab wants; subscribes and unsubscribes the difference on the open socket. */
  setStreams(streams: Iterable<string>): void {
    const next = new Set(streams);
    const added = [...next].filter((s) => !this.wanted.has(s));
    const removed = [...this.wanted].filter((s) => !next.has(s));
    for (const s of removed) {
      this.wanted.delete(s);
      this.cursors.forget(s);
    }
    for (const s of added) this.wanted.add(s);
    if (!this.isOpen()) return;
    const drop = removed.filter((s) => this.live.delete(s));
    if (drop.length) this.send({ type: 'unsubscribe', streams: drop });
    this.subscribe(added);
  }

  /**
   * The tab became visible again or the network came back: a closed socket reconnects now (no
   * backoff); an open one must prove it is alive with a quick ping, else it is replaced.
   */
  wake(): void {
    if (!this.running) return;
    if (this.isOpen()) {
      this.probe();
      return;
    }
    this.attempt = 0;
    if (this.socket) return; // connecting already
    this.clearTimer(this.reconnectTimer);
    this.reconnectTimer = null;
    this.connect();
  }

  /** The id this tab has seen last on a stream (for tests and diagnostics). */
  cursor(stream: string): number | null {
    return this.cursors.get(stream);
  }

  private isOpen(): boolean {
    return !!this.socket && this.socket.readyState === OPEN;
  }

  private connect(): void {
    if (!this.running) return;
    this.opts.handlers.onStatus?.('connecting');
    let socket: SocketLike;
    try {
      socket = this.opts.createSocket(this.opts.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    this.live.clear();
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.opts.handlers.onStatus?.('open');
      this.heardSincePing = true;
      this.schedulePing();
      this.subscribe([...this.wanted]);
    };
    socket.onmessage = (ev) => {
      if (this.socket !== socket) return;
      this.heardSincePing = true;
      this.handle(ev.data);
    };
    socket.onerror = () => {
      // A close event always follows; reconnecting happens there.
    };
    socket.onclose = (ev) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.live.clear();
      this.clearTimer(this.pingTimer);
      this.clearTimer(this.probeTimer);
      this.opts.handlers.onStatus?.('closed');
      if (ev.code === 4401) {
        this.running = false;
        this.opts.handlers.onSessionEnded?.();
        return;
      }
      this.scheduleReconnect();
    };
  }

  private subscribe(streams: string[]): void {
    const fresh = streams.filter((s) => !this.live.has(s));
    if (!fresh.length || !this.isOpen()) return;
    const now = (this.opts.now ?? Date.now)();
    for (const s of fresh) {
      this.live.add(s);
      this.sentAt.set(s, now);
    }
    // The server accepts up to 500 streams per message (and per connection).
    for (let i = 0; i < fresh.length; i += 100) {
      this.send({
        type: 'subscribe',
        streams: fresh.slice(i, i + 100).map((stream) => ({ stream, after: this.cursors.get(stream) })),
      });
    }
  }

  private handle(data: unknown): void {
    const m = parseServerMessage(data);
    if (!m) return;
    // The server answered a subscription or a ping: this connection works, so the next drop
    // starts the backoff from the beginning again.
    if (m.type === 'subscribed' || m.type === 'pong') this.attempt = 0;
    switch (m.type) {
      case 'event': {
        if (!this.wanted.has(m.stream)) return;
        const verdict = this.cursors.accept(m.stream, m.id);
        if (verdict === 'duplicate') return;
        this.opts.handlers.onEvent({
          stream: m.stream,
          id: m.id,
          event: m.event,
          payload: m.payload,
          at: m.at,
        });
        if (verdict === 'gap') this.opts.handlers.onResync(m.stream);
        return;
      }
      case 'subscribed': {
        if (!this.wanted.has(m.stream)) return;
        const resumed = this.cursors.get(m.stream) !== null;
        const fellShort = this.cursors.subscribed(m.stream, m.head);
        this.opts.handlers.onSubscribed?.(m.stream, resumed, this.sentAt.get(m.stream) ?? 0);
        if (fellShort) this.opts.handlers.onResync(m.stream);
        return;
      }
      case 'resync':
        if (!this.wanted.has(m.stream)) return;
        this.cursors.reset(m.stream, m.head);
        this.opts.handlers.onResync(m.stream);
        return;
      case 'denied':
        this.live.delete(m.stream);
        this.wanted.delete(m.stream);
        this.cursors.forget(m.stream);
        this.opts.handlers.onDenied?.(m.stream);
        return;
      default:
        return;
    }
  }

  private send(message: unknown): void {
    if (this.socket && this.isOpen()) this.socket.send(JSON.stringify(message));
  }

  private schedulePing(): void {
    this.clearTimer(this.pingTimer);
    this.pingTimer = this.setTimer(() => {
      if (!this.isOpen()) return;
      if (!this.heardSincePing) {
        this.replaceSocket();
        return;
      }
      this.heardSincePing = false;
      this.send({ type: 'ping' });
      this.schedulePing();
    }, this.opts.pingIntervalMs ?? 25_000);
  }

  private probe(): void {
    this.heardSincePing = false;
    this.send({ type: 'ping' });
    this.clearTimer(this.probeTimer);
    this.probeTimer = this.setTimer(() => {
      if (!this.heardSincePing) this.replaceSocket(true);
    }, this.opts.probeTimeoutMs ?? 4_000);
  }

  /** A socket that stopped answering (sleep, a dead NAT mapping): drop it and connect again. */
  private replaceSocket(immediately = false): void {
    const s = this.socket;
    this.socket = null;
    this.live.clear();
    this.clearTimer(this.pingTimer);
    this.clearTimer(this.probeTimer);
    if (s) {
      s.onclose = null;
      s.onmessage = null;
      try {
        s.close(4000, 'unresponsive');
      } catch {
        // already closing
      }
    }
    this.opts.handlers.onStatus?.('closed');
    if (immediately) {
      this.attempt = 0;
      this.connect();
    } else {
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    if (!this.running) return;
    this.clearTimer(this.reconnectTimer);
    const delay = backoffDelay(this.attempt, { random: this.opts.random });
    this.attempt += 1;
    this.reconnectTimer = this.setTimer(() => {
      this.reconnectTimer = null;
      if (!this.socket) this.connect();
    }, delay);
  }

  private clearTimers(): void {
    this.clearTimer(this.reconnectTimer);
    this.clearTimer(this.pingTimer);
    this.clearTimer(this.probeTimer);
    this.reconnectTimer = null;
  }
}
