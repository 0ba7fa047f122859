import type { AppDeps, ZodApp } from '../../app.ts';
import type { CompanionEngine } from './engine.ts';
import { companionPolicy } from './policy.ts';
import { ConversationPatch, ExportQuery, IdParams, ListQuery } from './schema.ts';
import {
  changeConversation,
  deleteConversation,
  listConversations,
  openConversation,
  saveSummary,
  summariesOf,
} from './conversations.ts';
import {
  conversationJson,
  conversationMarkdown,
  presentConversation,
  presentConversationItem,
  presentSummary,
} from './presenter.ts';
import { clientGone, summarizeOrFail } from './http.ts';

const tags = ['companion'];

/**
 * Kept conversations, for their owner only: every handler opens the vault of the request's own
 * actor and finds rows by that vault's owner tag, so anyone else's id answers 404.
 */
export function conversationRoutes(app: ZodApp, deps: AppDeps, engine: CompanionEngine) {
  app.get('/api/companion/conversations', { schema: { tags, querystring: ListQuery } }, async (request) => {
    const actor = request.actor!;
    companionPolicy.authorize(actor, 'companion.use', undefined);
    const ov = await deps.vault.forOwner(actor);
    const items = await listConversations(deps, ov, request.query.q, new Date());
    return { items: items.map(presentConversationItem) };
  });

  app.get('/api/companion/conversations/:id', { schema: { tags, params: IdParams } }, async (request) => {
    const actor = request.actor!;
    companionPolicy.authorize(actor, 'companion.use', undefined);
    const ov = await deps.vault.forOwner(actor);
    const c = await openConversation(deps, ov, request.params.id, new Date());
    return presentConversation(c, await summariesOf(deps, ov, c.id));
  });

  app.patch(
    '/api/companion/conversations/:id',
    { schema: { tags, params: IdParams, body: ConversationPatch } },
    async (request) => {
      const actor = request.actor!;
      companionPolicy.authorize(actor, 'companion.use', undefined);
      const ov = await deps.vault.forOwner(actor);
      const { title, retention } = request.body;
      const c = await changeConversation(deps, ov, request.params.id, new Date(), () => ({
        meta: {
          ...(title !== undefined ? { title } : {}),
          ...(retention !== undefined ? { retention } : {}),
        },
        touch: false,
      }));
      return presentConversation(c, await summariesOf(deps, ov, c.id));
    },
  );

  app.delete(
    '/api/companion/conversations/:id',
    { schema: { tags, params: IdParams } },
    async (request, reply) => {
      const actor = request.actor!;
      companionPolicy.authorize(actor, 'companion.use', undefined);
      await deleteConversation(deps, await deps.vault.forOwner(actor), request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/companion/conversations/:id/export',
    { schema: { tags, params: IdParams, querystring: ExportQuery } },
    async (request, reply) => {
      const actor = request.actor!;
      companionPolicy.authorize(actor, 'companion.use', undefined);
      const ov = await deps.vault.forOwner(actor);
      const c = await openConversation(deps, ov, request.params.id, new Date());
      const summaries = await summariesOf(deps, ov, c.id);
      const format = request.query.format;
      const filename = `engawa-companion-${c.meta.createdAt.slice(0, 10)}.${format}`;
      reply.header('content-disposition', `attachment; filename="${filename}"`);
      if (format === 'json') {
        reply.type('application/json; charset=utf-8');
        return JSON.stringify(conversationJson(c, summaries), null, 2);
      }
      reply.type('text/markdown; charset=utf-8');
      return conversationMarkdown(c, summaries, actor.locale);
    },
  );

  app.post(
    '/api/companion/conversations/:id/summary',
    { schema: { tags, params: IdParams } },
    async (request, reply) => {
      const actor = request.actor!;
      companionPolicy.authorize(actor, 'companion.use', undefined);
      const ov = await deps.vault.forOwner(actor);
      const c = await openConversation(deps, ov, request.params.id, new Date());
      const signal = clientGone(reply);
      const markdown = await summarizeOrFail(() =>
        engine.summarize({
          mode: c.meta.mode,
          locale: actor.locale,
          history: c.messages.map(({ role, content }) => ({ role, content })),
          signal,
        }),
      );
      const saved = await saveSummary(deps, ov, c.id, {
        mode: c.meta.mode,
        markdown,
        createdAt: new Date().toISOString(),
      });
      return reply.code(201).send(presentSummary(saved));
    },
  );
}
