import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AgendaFromCompanionBody,
  AgendaItemBody,
  AgendaItemPatch,
  ManagerItemBody,
  ManagerItemPatch,
  NextStepBody,
  NextStepPatch,
} from '@engawa/shared';
import type { AppDeps, ZodApp } from '../../app.ts';
import type { Actor } from '../../platform/actor.ts';
import { oneononePolicy } from './policy.ts';
import { oneononeRepo } from './repo.ts';
import {
  createItem,
  createItemFromCompanion,
  deleteItem,
  employeeAgenda,
  previewForManager,
  revokeItem,
  shareItem,
  updateItem,
} from './agenda.ts';
import {
  addManagerItem,
  addNextStep,
  deleteManagerItem,
  deleteNextStep,
  listMembers,
  memberView,
  updateManagerItem,
  updateNextStep,
} from './manager.ts';
import { IdParams, PreviewQuery, UserParams } from './schema.ts';
import { companionSummaries } from './companion-drafts.ts';

const tags = ['oneonone'];

/**
 * The 1on1 bridge. The employee's routes (their private agenda, its preview, sharing) sit in a
 * scope that logs no request lines and answers `no-store`, like the companion; the manager's and
 * the shared next-step routes log as usual (method, path, status).
 */
export function oneononeModule(app: ZodApp, deps: AppDeps) {
  deps.vault.onErase((trx, ownerTag) => oneononeRepo.deleteDraftsOf(trx, ownerTag).then(() => undefined));

  async function agendaOf(actor: Actor) {
    return employeeAgenda(deps, actor, await deps.vault.forOwner(actor));
  }

  const scoped: FastifyPluginAsyncZod = async (scope) => {
    scope.addHook('onSend', async (_request, reply, payload) => {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      return payload;
    });

    scope.get(
      '/api/oneonone/agenda',
      { schema: { tags, summary: 'My agenda for the next 1on1' } },
      async (request) => {
        oneononePolicy.authorize(request.actor, 'agenda.own', undefined);
        return agendaOf(request.actor!);
      },
    );

    scope.post('/api/oneonone/items', { schema: { tags, body: AgendaItemBody } }, async (request, reply) => {
      const actor = request.actor!;
      oneononePolicy.authorize(actor, 'agenda.own', undefined);
      const id = await createItem(deps, await deps.vault.forOwner(actor), request.body, new Date());
      return reply.code(201).send({ id, agenda: await agendaOf(actor) });
    });

    scope.get(
      '/api/oneonone/companion-summaries',
      {
        schema: {
          tags,
          summary: 'My kept career talks that have a summary, to draft an item from (mine only)',
        },
      },
      async (request) => {
        const actor = request.actor!;
        oneononePolicy.authorize(actor, 'agenda.own', undefined);
        return { items: await companionSummaries(deps, await deps.vault.forOwner(actor), new Date()) };
      },
    );

    scope.post(
      '/api/oneonone/items/from-companion',
      {
        schema: {
          tags,
          summary: 'A private item from a kept companion conversation summary',
          body: AgendaFromCompanionBody,
        },
      },
      async (request, reply) => {
        const actor = request.actor!;
        oneononePolicy.authorize(actor, 'agenda.own', undefined);
        const id = await createItemFromCompanion(
          deps,
          actor,
          await deps.vault.forOwner(actor),
          request.body,
          new Date(),
        );
        return reply.code(201).send({ id, agenda: await agendaOf(actor) });
      },
    );

    scope.patch(
      '/api/oneonone/items/:id',
      { schema: { tags, params: IdParams, body: AgendaItemPatch } },
      async (request) => {
        const actor = request.actor!;
        oneononePolicy.authorize(actor, 'agenda.own', undefined);
        await updateItem(
          deps,
          actor,
          await deps.vault.forOwner(actor),
          request.params.id,
          request.body,
          new Date(),
        );
        return agendaOf(actor);
      },
    );

    scope.delete('/api/oneonone/items/:id', { schema: { tags, params: IdParams } }, async (request) => {
      const actor = request.actor!;
      oneononePolicy.authorize(actor, 'agenda.own', undefined);
      await deleteItem(deps, actor, await deps.vault.forOwner(actor), request.params.id);
      return agendaOf(actor);
    });

    scope.get(
      '/api/oneonone/preview',
      {
        schema: {
          tags,
          summary: 'Exactly what my manager sees (plus ?items=… as if shared)',
          querystring: PreviewQuery,
        },
      },
      async (request) => {
        const actor = request.actor!;
        oneononePolicy.authorize(actor, 'agenda.own', undefined);
        return previewForManager(
          deps,
          actor,
          await deps.vault.forOwner(actor),
          request.query.items,
          new Date(),
        );
      },
    );

    scope.put(
      '/api/oneonone/items/:id/share',
      { schema: { tags, summary: 'Share this item with my manager', params: IdParams } },
      async (request) => {
        const actor = request.actor!;
        oneononePolicy.authorize(actor, 'agenda.own', undefined);
        await shareItem(deps, actor, await deps.vault.forOwner(actor), request.params.id, new Date());
        return agendaOf(actor);
      },
    );

    scope.delete(
      '/api/oneonone/items/:id/share',
      {
        schema: {
          tags,
          summary: 'Stop sharing (it disappears from my manager’s view at once)',
          params: IdParams,
        },
      },
      async (request) => {
        const actor = request.actor!;
        oneononePolicy.authorize(actor, 'agenda.own', undefined);
        await revokeItem(deps, actor, await deps.vault.forOwner(actor), request.params.id, new Date());
        return agendaOf(actor);
      },
    );

    scope.post(
      '/api/oneonone/next-steps',
      { schema: { tags, body: NextStepBody } },
      async (request, reply) => {
        const actor = request.actor!;
        oneononePolicy.authorize(actor, 'agenda.own', undefined);
        await addNextStep(deps, actor, null, request.body, new Date());
        return reply.code(201).send(await agendaOf(actor));
      },
    );
  };
  void app.register(scoped, { logLevel: 'warn' });

  app.get(
    '/api/oneonone/members',
    { schema: { tags, summary: 'The people I am the 1on1 manager of' } },
    async (request) => ({
      items: await listMembers(deps, request.actor!),
    }),
  );

  app.get('/api/oneonone/members/:userId', { schema: { tags, params: UserParams } }, async (request) =>
    memberView(deps, request.actor!, request.params.userId),
  );

  app.post(
    '/api/oneonone/members/:userId/items',
    { schema: { tags, params: UserParams, body: ManagerItemBody } },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addManagerItem(deps, request.actor!, request.params.userId, request.body, new Date())),
  );

  app.post(
    '/api/oneonone/members/:userId/next-steps',
    { schema: { tags, params: UserParams, body: NextStepBody } },
    async (request, reply) => {
      await addNextStep(deps, request.actor!, request.params.userId, request.body, new Date());
      return reply.code(201).send(await memberView(deps, request.actor!, request.params.userId));
    },
  );

  app.patch(
    '/api/oneonone/manager-items/:id',
    { schema: { tags, params: IdParams, body: ManagerItemPatch } },
    async (request, reply) => {
      await updateManagerItem(deps, request.actor!, request.params.id, request.body, new Date());
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/oneonone/manager-items/:id',
    { schema: { tags, params: IdParams } },
    async (request, reply) => {
      await deleteManagerItem(deps, request.actor!, request.params.id);
      return reply.code(204).send();
    },
  );

  app.patch(
    '/api/oneonone/next-steps/:id',
    { schema: { tags, params: IdParams, body: NextStepPatch } },
    async (request, reply) => {
      await updateNextStep(deps, request.actor!, request.params.id, request.body, new Date());
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/oneonone/next-steps/:id',
    { schema: { tags, params: IdParams } },
    async (request, reply) => {
      await deleteNextStep(deps, request.actor!, request.params.id);
      return reply.code(204).send();
    },
  );
}
