import {
  ApplyBody,
  InterestBody,
  LIMITS,
  OpportunityBody,
  OpportunityImportBody,
  OpportunityPatch,
} from '@engawa/shared';
import type { AppDeps, ZodApp } from '../../app.ts';
import type { Actor } from '../../platform/actor.ts';
import { careerPolicy } from './policy.ts';
import { careerRepo } from './repo.ts';
import {
  callerState,
  createOpportunity,
  deleteOpportunity,
  listOpportunities,
  loadOpportunity,
  updateOpportunity,
} from './opportunities.ts';
import { applicationsTo, applyPreview, applyTo, withdrawApplication } from './applications.ts';
import { markInterest, opportunityStats, unmarkInterest } from './interest.ts';
import { opportunityImporter } from './import.ts';
import { presentOpportunity } from './presenter.ts';
import { ApplyPreviewQuery, IdParams, OpportunityListQuery } from './schema.ts';

const tags = ['opportunities'];

const ManageQuery = OpportunityListQuery.extend({
  status: OpportunityListQuery.shape.status.unwrap().default('all'),
});

/** The catalog: hr manages it; everyone reads open opportunities; hr and owners see applications. */
export function opportunityRoutes(app: ZodApp, deps: AppDeps) {
  async function present(request: { actor: Actor | null }, id: string) {
    const actor = request.actor!;
    const row = await loadOpportunity(deps, actor, id);
    const state = await callerState(deps, actor, await deps.vault.forOwner(actor));
    return presentOpportunity(row, actor, state, actor.locale);
  }

  app.get(
    '/api/opportunities',
    {
      schema: {
        tags,
        summary: 'The catalog (open ones; hr may ask for closed)',
        querystring: OpportunityListQuery,
      },
    },
    async (request) => {
      const actor = request.actor!;
      return listOpportunities(deps, actor, await deps.vault.forOwner(actor), request.query);
    },
  );

  app.post('/api/opportunities', { schema: { tags, body: OpportunityBody } }, async (request, reply) => {
    const actor = request.actor!;
    careerPolicy.authorize(actor, 'opportunity.manage', undefined);
    const id = await createOpportunity(deps, actor, request.body);
    return reply.code(201).send(await present(request, id));
  });

  app.post(
    '/api/opportunities/import',
    {
      bodyLimit: 2 * LIMITS.csvMaxBytes + 64 * 1024,
      schema: {
        tags,
        summary: 'Import opportunities.csv (every row checked; all or nothing)',
        body: OpportunityImportBody,
      },
    },
    async (request) => {
      careerPolicy.authorize(request.actor, 'opportunity.manage', undefined);
      return opportunityImporter(deps, request.actor!.userId, request.body);
    },
  );

  app.get(
    '/api/opportunities/manage',
    {
      schema: {
        tags,
        summary: 'Management list with application counts and k-suppressed interest counts',
        querystring: ManageQuery,
      },
    },
    async (request) => {
      const actor = request.actor!;
      const ownsAny = await careerRepo.ownsAny(deps.db, actor.userId);
      careerPolicy.authorize(actor, 'opportunity.stats', { ownsAny });
      return opportunityStats(deps, actor, await deps.vault.forOwner(actor), request.query, new Date());
    },
  );

  app.get('/api/opportunities/:id', { schema: { tags, params: IdParams } }, async (request) =>
    present(request, request.params.id),
  );

  app.patch(
    '/api/opportunities/:id',
    { schema: { tags, params: IdParams, body: OpportunityPatch } },
    async (request) => {
      careerPolicy.authorize(request.actor, 'opportunity.manage', undefined);
      await updateOpportunity(deps, request.params.id, request.body);
      return present(request, request.params.id);
    },
  );

  app.delete('/api/opportunities/:id', { schema: { tags, params: IdParams } }, async (request, reply) => {
    careerPolicy.authorize(request.actor, 'opportunity.manage', undefined);
    await deleteOpportunity(deps, request.params.id);
    return reply.code(204).send();
  });

  app.post(
    '/api/opportunities/:id/apply',
    {
      schema: {
        tags,
        summary: 'Apply with the snapshot confirmed in the preview',
        params: IdParams,
        body: ApplyBody,
      },
    },
    async (request, reply) => {
      const actor = request.actor!;
      const ov = await deps.vault.forOwner(actor);
      return reply
        .code(201)
        .send(await applyTo(deps, actor, ov, request.params.id, request.body, new Date()));
    },
  );

  app.delete(
    '/api/opportunities/:id/apply',
    { schema: { tags, summary: 'Withdraw my application (deletes what was shared)', params: IdParams } },
    async (request, reply) => {
      await withdrawApplication(deps, request.actor!, request.params.id, new Date());
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/opportunities/:id/applications',
    { schema: { tags, summary: 'Applications (hr and the opportunity owner)', params: IdParams } },
    async (request) => ({ items: await applicationsTo(deps, request.actor!, request.params.id) }),
  );
}

/**
 * The owner-private opportunity routes (registered in the private scope): interest marks and the
 * apply preview, which reads the private profile.
 */
export function privateOpportunityRoutes(scope: ZodApp, deps: AppDeps) {
  scope.put(
    '/api/opportunities/:id/interest',
    { schema: { tags, summary: 'Mark interest privately', params: IdParams, body: InterestBody } },
    async (request, reply) => {
      const actor = request.actor!;
      careerPolicy.authorize(actor, 'profile.own', undefined);
      await markInterest(
        deps,
        actor,
        await deps.vault.forOwner(actor),
        request.params.id,
        request.body.note,
        new Date(),
      );
      return reply.code(204).send();
    },
  );

  scope.delete(
    '/api/opportunities/:id/interest',
    { schema: { tags, params: IdParams } },
    async (request, reply) => {
      const actor = request.actor!;
      careerPolicy.authorize(actor, 'profile.own', undefined);
      await unmarkInterest(deps, actor, await deps.vault.forOwner(actor), request.params.id, new Date());
      return reply.code(204).send();
    },
  );

  scope.get(
    '/api/opportunities/:id/apply-preview',
    {
      schema: {
        tags,
        summary: 'Exactly what the opportunity owner and hr would receive',
        params: IdParams,
        querystring: ApplyPreviewQuery,
      },
    },
    async (request) => {
      const actor = request.actor!;
      return applyPreview(deps, actor, await deps.vault.forOwner(actor), request.params.id, {
        parts: request.query.parts,
        message: request.query.message ? request.query.message : null,
      });
    },
  );
}
