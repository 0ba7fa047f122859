import { isKnowhowKind } from '@engawa/shared';
import type { AppDeps, ZodApp } from '../../app.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { nowIso } from '../../db/index.ts';
import { engagementRepo, type SubjectType } from './engagement.repo.ts';
import { communityPolicy } from './policy.ts';
import { loadComment, loadPost } from './context.ts';
import { runCommand } from './events.ts';
import { reactionsOf, signalsOf } from './presenter.ts';
import { ReactionParams, SignalParams } from './schema.ts';

/**
 * Emoji reactions (a fixed set) on posts and comments, and the know-how signals "I used this" /
 * "this helped". PUT adds, DELETE removes: both idempotent, so a double click cannot double count.
 */
export function reactionRoutes(app: ZodApp, deps: AppDeps) {
  const tags = ['community'];

  const react = async (actor: Actor, type: SubjectType, id: string, reaction: string, on: boolean) => {
    await runCommand(deps, async (tx, emit) => {
      const loaded = type === 'post' ? await loadPost(tx, actor, id) : await loadComment(tx, actor, id);
      if (type === 'post') communityPolicy.authorize(actor, 'post.react', loaded.subject);
      else
        communityPolicy.authorize(
          actor,
          'comment.react',
          (loaded as Awaited<ReturnType<typeof loadComment>>).commentSubject,
        );
      const count = await engagementRepo.setReaction(tx, type, id, reaction, actor.userId, on);
      emit({
        type: 'reaction.changed',
        communityId: loaded.community.id,
        visibility: loaded.cs.visibility,
        actorId: actor.userId,
        at: nowIso(),
        postId: loaded.post.id,
        commentId: type === 'comment' ? id : null,
        reaction,
        count,
        added: on,
      });
    });
    const tally = await engagementRepo.reactionTally(deps.db, type, [id], actor.userId);
    return { reactions: reactionsOf(tally, id) };
  };

  for (const [type, base] of [
    ['post', '/api/posts/:id'],
    ['comment', '/api/comments/:id'],
  ] as const) {
    app.put(`${base}/reactions/:reaction`, { schema: { tags, params: ReactionParams } }, async (request) =>
      react(request.actor!, type, request.params.id, request.params.reaction, true),
    );
    app.delete(`${base}/reactions/:reaction`, { schema: { tags, params: ReactionParams } }, async (request) =>
      react(request.actor!, type, request.params.id, request.params.reaction, false),
    );
  }

  const signal = async (actor: Actor, postId: string, name: string, on: boolean) => {
    const { post, subject } = await loadPost(deps.db, actor, postId);
    if (!isKnowhowKind(post.kind)) throw new AppError('community.signal_not_applicable');
    communityPolicy.authorize(actor, 'post.signal', subject);
    await engagementRepo.setSignal(deps.db, post.id, name, actor.userId, on);
    const tally = await engagementRepo.signalTally(deps.db, [post.id], actor.userId);
    return { signals: signalsOf(tally, post.id) };
  };

  app.put('/api/posts/:id/signals/:signal', { schema: { tags, params: SignalParams } }, async (request) =>
    signal(request.actor!, request.params.id, request.params.signal, true),
  );
  app.delete('/api/posts/:id/signals/:signal', { schema: { tags, params: SignalParams } }, async (request) =>
    signal(request.actor!, request.params.id, request.params.signal, false),
  );
}
