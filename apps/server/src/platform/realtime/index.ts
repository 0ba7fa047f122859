/** Live events: see service.ts (delivery), outbox.ts (how commands emit), protocol.ts (the wire). */
export { Realtime, newInstanceId, type StreamAuthorizer } from './service.ts';
export { runInTransaction, Outbox, type TxContext, type EventSink, type EventInput } from './outbox.ts';
export { createLocalBus, createRedisBus, type Bus } from './bus.ts';
export type { StoredEvent } from './repo.ts';

import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import { Realtime, newInstanceId } from './service.ts';
import { createLocalBus, createRedisBus } from './bus.ts';

/** The realtime service for this process: Redis pub/sub between instances when REDIS_URL is set. */
export function createRealtime(opts: { config: Config; db: Kysely<DB>; log: FastifyBaseLogger }): Realtime {
  const instanceId = newInstanceId();
  const { redis } = opts.config;
  const bus = redis.url
    ? createRedisBus({ url: redis.url, prefix: redis.prefix, instanceId, log: opts.log })
    : createLocalBus();
  return new Realtime({
    db: opts.db,
    log: opts.log,
    bus,
    instanceId,
    retentionMs: opts.config.realtime.retentionMs,
  });
}
