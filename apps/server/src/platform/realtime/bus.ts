import { Redis } from 'ioredis';
import type { FastifyBaseLogger } from 'fastify';
import type { StoredEvent } from './repo.ts';

/** What instances tell each other: committed events, or "re-check who may read this stream". */
export type BusMessage =
  | { kind: 'events'; origin: string; events: StoredEvent[] }
  | { kind: 'recheck'; origin: string; stream: string; userIds: string[] | null };

/**
 * Carries messages between app instances. Every instance delivers its own messages locally
 * first (lowest latency), so a bus only has to reach the *other* instances.
 */
export interface Bus {
  publish(message: BusMessage): void;
  /** Messages from other instances. */
  onMessage(handler: (message: BusMessage) => void): void;
  /** Called after the bus (re)connects: messages may have been missed, so catch up from the database. */
  onReconnect(handler: () => void): void;
  /** Resolves once messages from other instances can arrive (tests and benchmarks wait for it). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** One instance: nobody else to tell. */
export function createLocalBus(): Bus {
  return {
    publish() {},
    onMessage() {},
    onReconnect() {},
    ready: () => Promise.resolve(),
    async close() {},
  };
}

/**
 * Redis pub/sub on one channel (`<prefix>:events`). Pub/sub is fire-and-forget: a message lost
 * while an instance is disconnected is recovered from the database (reconnect handler and the
 * periodic head sweep), never from Redis.
 */
export function createRedisBus(opts: {
  url: string;
  prefix: string;
  instanceId: string;
  log: FastifyBaseLogger;
}): Bus {
  const channel = `${opts.prefix}:events`;
  const pub = new Redis(opts.url, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
  const sub = new Redis(opts.url, { maxRetriesPerRequest: null });
  const handlers: Array<(m: BusMessage) => void> = [];
  const reconnectHandlers: Array<() => void> = [];
  let readyOnce = false;
  let closing = false;
  let markSubscribed!: () => void;
  const subscribed = new Promise<void>((resolve) => (markSubscribed = resolve));

  for (const [name, client] of [
    ['publisher', pub],
    ['subscriber', sub],
  ] as const) {
    client.on('error', (err: Error) => {
      if (!closing) opts.log.warn({ err: { message: err.message }, client: name }, 'redis error');
    });
  }
  sub.on('ready', () => {
    sub.subscribe(channel).then(
      () => markSubscribed(),
      (err: Error) => opts.log.error({ err: { message: err.message } }, 'redis subscribe failed'),
    );
    if (readyOnce) for (const h of reconnectHandlers) h();
    readyOnce = true;
  });
  sub.on('message', (ch: string, raw: string) => {
    if (ch !== channel) return;
    let message: BusMessage;
    try {
      message = JSON.parse(raw) as BusMessage;
    } catch {
      return;
    }
    if (message.origin === opts.instanceId) return;
    for (const h of handlers) h(message);
  });

  return {
    publish(message) {
      pub.publish(channel, JSON.stringify(message)).catch((err: Error) => {
        opts.log.warn(
          { err: { message: err.message } },
          'redis publish failed (receivers catch up from the database)',
        );
      });
    },
    onMessage(handler) {
      handlers.push(handler);
    },
    onReconnect(handler) {
      reconnectHandlers.push(handler);
    },
    ready: () => subscribed,
    async close() {
      closing = true;
      await Promise.allSettled([pub.quit(), sub.quit()]);
      pub.disconnect();
      sub.disconnect();
    },
  };
}
