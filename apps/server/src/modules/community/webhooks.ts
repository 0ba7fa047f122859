import { COMMUNITY_LIMITS as L } from '@engawa/shared';
import type { AppDeps, ZodApp } from '../../app.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId, newToken, sha256 } from '../../platform/ids.ts';
import { renderMarkdown } from '../../platform/markdown.ts';
import { nowIso } from '../../db/index.ts';
import { communityRepo } from './repo.ts';
import { postRepo } from './posts.repo.ts';
import { webhookRepo } from './webhooks.repo.ts';
import { moderationRepo } from './moderation.repo.ts';
import { communityPolicy } from './policy.ts';
import { loadCommunity } from './context.ts';
import { runCommand } from './events.ts';
import { SlackPayload, slackToMarkdown } from './slack.ts';
import { CreateWebhookBody, IdParams, TokenParams, WebhookParams } from './schema.ts';

/**
 * Incoming webhooks per community. Organizers create one (the URL carries a random token, shown
 * once; only its hash is stored) and revoke it. Tools POST Slack-format JSON to the URL; the
 * message becomes a post authored by the webhook (its name is shown, never a person), with no
 * mention resolution (a webhook cannot notify people). Rate-limited per token.
 */
export function webhookRoutes(app: ZodApp, deps: AppDeps) {
  const tags = ['community'];
  const present = (w: { id: string; name: string; created_at: string; last_used_at: string | null }) => ({
    id: w.id,
    name: w.name,
    createdAt: w.created_at,
    lastUsedAt: w.last_used_at,
  });

  app.get('/api/communities/:id/webhooks', { schema: { tags, params: IdParams } }, async (request) => {
    const actor = request.actor!;
    const { community, subject } = await loadCommunity(deps.db, actor, request.params.id);
    communityPolicy.authorize(actor, 'community.manage', subject);
    return { items: (await webhookRepo.listActive(deps.db, community.id)).map(present) };
  });

  app.post(
    '/api/communities/:id/webhooks',
    { schema: { tags, params: IdParams, body: CreateWebhookBody } },
    async (request, reply) => {
      const actor = request.actor!;
      const token = newToken();
      const id = newId();
      await runCommand(deps, async (tx) => {
        const { community, subject } = await loadCommunity(tx, actor, request.params.id);
        communityPolicy.authorize(actor, 'community.manage', subject);
        if ((await webhookRepo.listActive(tx, community.id)).length >= L.webhooksPerCommunity) {
          throw new AppError('community.too_many_webhooks');
        }
        await webhookRepo.insert(tx, {
          id,
          community_id: community.id,
          name: request.body.name,
          token_hash: sha256(token),
          created_by: actor.userId,
          created_at: nowIso(),
          revoked_at: null,
          last_used_at: null,
        });
        await moderationRepo.audit(tx, {
          actor_id: actor.userId,
          action: 'community.webhook_created',
          subject_type: 'community',
          subject_id: community.id,
          detail: { webhookId: id },
        });
      });
      const path = `/api/hooks/${token}`;
      const origin = deps.config.publicUrl ?? `${request.protocol}://${request.host}`;
      reply.status(201);
      return { ...present((await webhookRepo.findById(deps.db, id))!), path, url: `${origin}${path}` };
    },
  );

  app.delete(
    '/api/communities/:id/webhooks/:webhookId',
    { schema: { tags, params: WebhookParams } },
    async (request) => {
      const actor = request.actor!;
      await runCommand(deps, async (tx) => {
        const { community, subject } = await loadCommunity(tx, actor, request.params.id);
        communityPolicy.authorize(actor, 'community.manage', subject);
        const hook = await webhookRepo.findById(tx, request.params.webhookId);
        if (!hook || hook.community_id !== community.id || hook.revoked_at) throw notFound();
        await webhookRepo.revoke(tx, hook.id);
        await moderationRepo.audit(tx, {
          actor_id: actor.userId,
          action: 'community.webhook_revoked',
          subject_type: 'community',
          subject_id: community.id,
          detail: { webhookId: hook.id },
        });
      });
      return { ok: true };
    },
  );

  app.post(
    '/api/hooks/:token',
    {
      schema: { tags, params: TokenParams, body: SlackPayload },
      config: {
        public: true,
        csrf: false,
        rateLimit: {
          max: L.webhookPerMinute,
          timeWindow: '1 minute',
          keyGenerator: (req) => `hook:${sha256(String((req.params as { token?: string }).token ?? ''))}`,
        },
      },
    },
    async (request, reply) => {
      const hook = await webhookRepo.findActiveByTokenHash(deps.db, sha256(request.params.token));
      if (!hook) throw notFound();
      const markdown = slackToMarkdown(request.body).slice(0, L.bodyMax);
      if (!markdown) throw new AppError('community.webhook_invalid_payload');
      await runCommand(deps, async (tx, emit) => {
        const community = await communityRepo.findById(tx, hook.community_id);
        if (!community) throw notFound();
        const id = newId();
        const now = nowIso();
        await postRepo.insert(tx, {
          id,
          community_id: community.id,
          author_id: null,
          webhook_id: hook.id,
          kind: 'post',
          title: null,
          body_md: markdown,
          body_html: renderMarkdown(markdown),
          fields: null,
          fields_html: null,
          company_wide: 0,
          requires_confirmation: 0,
          urgent: 0,
          pinned_at: null,
          accepted_comment_id: null,
          created_at: now,
          updated_at: now,
          edited_at: null,
          deleted_at: null,
        });
        await communityRepo.touchLastPost(tx, community.id, now);
        await webhookRepo.touch(tx, hook.id);
        emit({
          type: 'post.created',
          communityId: community.id,
          visibility: community.visibility === 'private' ? 'private' : 'open',
          actorId: null,
          at: now,
          postId: id,
          kind: 'post',
          companyWide: false,
        });
      });
      // Slack answers a plain "ok"; clients such as @slack/webhook expect exactly that.
      return reply.type('text/plain; charset=utf-8').send('ok');
    },
  );
}
