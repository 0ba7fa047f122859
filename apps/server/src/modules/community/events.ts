import type { FastifyBaseLogger } from 'fastify';
import type { Transaction } from 'kysely';
import type { AppDeps } from '../../app.ts';
import type { DB } from '../../db/schema.ts';

/**
 * What the community module tells the rest of the system (live updates, notifications, search).
 * Commands collect these while they run; listeners get them twice:
 * - `inTransaction(tx, events)`: inside the command's transaction, just before commit, so a realtime
 *   log can allocate per-stream ids in commit order (nothing is visible until the commit);
 * - `afterCommit(events)`: after the commit, for delivery, notifications and indexing.
 * Events carry ids, never content: receivers fetch what they show through the REST API (or the
 * repositories), so the usual visibility rules apply. Recipients are explicit where a person must
 * be told (mentions, announcements) and never include someone who may not see the post.
 */
interface EventBase {
  communityId: string;
  /** Private communities' events must only reach members (the `community:<id>` stream is members-only). */
  visibility: 'open' | 'private';
  /** Who did it (null for a webhook). */
  actorId: string | null;
  at: string;
}

export type CommunityEvent =
  | (EventBase & { type: 'post.created'; postId: string; kind: string; companyWide: boolean })
  | (EventBase & { type: 'post.updated'; postId: string })
  | (EventBase & { type: 'post.deleted'; postId: string })
  | (EventBase & { type: 'comment.created'; postId: string; commentId: string; parentId: string | null })
  | (EventBase & { type: 'comment.updated'; postId: string; commentId: string })
  | (EventBase & { type: 'comment.deleted'; postId: string; commentId: string })
  | (EventBase & {
      type: 'reaction.changed';
      postId: string;
      commentId: string | null;
      reaction: string;
      count: number;
      /** True when the actor added the reaction (false: took it back). */
      added: boolean;
    })
  | (EventBase & {
      type: 'mention';
      postId: string;
      commentId: string | null;
      /** Newly mentioned people who can see the post (never the author). */
      recipientIds: string[];
    })
  | (EventBase & {
      type: 'announcement';
      postId: string;
      companyWide: boolean;
      requiresConfirmation: boolean;
      /** The organizer marked it urgent: notifications skip the working-hours wait. */
      urgent: boolean;
      /** Members of the community, or every active person for a company-wide announcement (minus the author). */
      recipientIds: string[];
    })
  | (EventBase & { type: 'community.updated' })
  | (EventBase & { type: 'membership.changed'; userIds: string[] });

export type CommunityEventType = CommunityEvent['type'];

export interface CommunityEventListener {
  inTransaction?(tx: Transaction<DB>, events: readonly CommunityEvent[]): Promise<void>;
  afterCommit?(events: readonly CommunityEvent[]): void | Promise<void>;
}

interface Hub {
  listeners: CommunityEventListener[];
  log: FastifyBaseLogger | undefined;
}

/** One hub per app instance (keyed by its deps object), so test apps never hear each other. */
const hubs = new WeakMap<AppDeps, Hub>();

function hubOf(deps: AppDeps): Hub {
  let hub = hubs.get(deps);
  if (!hub) {
    hub = { listeners: [], log: undefined };
    hubs.set(deps, hub);
  }
  return hub;
}

/** Registers a listener (realtime, notifications, search call this from their module setup). */
export function onCommunityEvents(deps: AppDeps, listener: CommunityEventListener): () => void {
  const hub = hubOf(deps);
  hub.listeners.push(listener);
  return () => {
    hub.listeners = hub.listeners.filter((l) => l !== listener);
  };
}

export function setCommunityEventLog(deps: AppDeps, log: FastifyBaseLogger): void {
  hubOf(deps).log = log;
}

/**
 * Runs a command in one transaction, collecting the events it emits; hands them to the listeners
 * inside the transaction and again after commit. A failing after-commit listener is logged and
 * never fails the command (it already committed).
 */
export async function runCommand<T>(
  deps: AppDeps,
  fn: (tx: Transaction<DB>, emit: (e: CommunityEvent) => void) => Promise<T>,
): Promise<T> {
  const hub = hubOf(deps);
  const events: CommunityEvent[] = [];
  const result = await deps.db.transaction().execute(async (tx) => {
    const out = await fn(tx, (e) => events.push(e));
    if (events.length) for (const l of hub.listeners) if (l.inTransaction) await l.inTransaction(tx, events);
    return out;
  });
  if (events.length) await deliverAfterCommit(hub, events);
  return result;
}

/** Hands events produced outside a command transaction (rare) to the after-commit listeners. */
export async function emitAfterCommit(deps: AppDeps, events: CommunityEvent[]): Promise<void> {
  if (events.length) await deliverAfterCommit(hubOf(deps), events);
}

async function deliverAfterCommit(hub: Hub, events: readonly CommunityEvent[]) {
  for (const l of hub.listeners) {
    if (!l.afterCommit) continue;
    try {
      await l.afterCommit(events);
    } catch (err) {
      hub.log?.error(
        { err: { message: (err as Error).message, stack: (err as Error).stack } },
        'community event listener failed',
      );
    }
  }
}
