import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps, ZodApp } from '../../app.ts';
import { careerPolicy } from './policy.ts';
import { profileRoutes, publicProfileRoutes } from './profile.routes.ts';
import { opportunityRoutes, privateOpportunityRoutes } from './opportunities.routes.ts';
import { recommendations } from './recommendations.ts';
import { eraseCareerOf, myInterests } from './interest.ts';
import { myApplications } from './applications.ts';
import { RecommendationQuery } from './schema.ts';

const tags = ['career'];

/**
 * キャリア: the private profile, recommendations, interest, applications and the catalog.
 *
 * Routes that read or write the private profile (the profile itself, recommendations, interest
 * marks, the apply preview) sit in one encapsulated scope that — like the companion — writes no
 * request log lines below warn (so not even "someone marked interest in opportunity X at 10:02"
 * is logged) and answers `Cache-Control: no-store`. The rest (catalog, applications, the public
 * profile) logs as usual: method, path without query, status.
 */
export function careerModule(app: ZodApp, deps: AppDeps) {
  deps.vault.onErase((trx, ownerTag) => eraseCareerOf(deps, trx, ownerTag));

  publicProfileRoutes(app, deps);
  opportunityRoutes(app, deps);

  app.get('/api/career/applications', { schema: { tags, summary: 'My applications' } }, async (request) => {
    careerPolicy.authorize(request.actor, 'profile.own', undefined);
    return { items: await myApplications(deps, request.actor!) };
  });

  const scoped: FastifyPluginAsyncZod = async (scope) => {
    scope.addHook('onSend', async (_request, reply, payload) => {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      return payload;
    });
    profileRoutes(scope, deps);
    privateOpportunityRoutes(scope, deps);

    scope.get(
      '/api/career/recommendations',
      {
        schema: {
          tags,
          summary: 'Opportunities ranked for me, each with its reasons (computed in this request only)',
          querystring: RecommendationQuery,
        },
      },
      async (request) => {
        const actor = request.actor!;
        careerPolicy.authorize(actor, 'profile.own', undefined);
        return recommendations(deps, actor, await deps.vault.forOwner(actor), request.query);
      },
    );

    scope.get(
      '/api/career/interests',
      { schema: { tags, summary: 'What I marked as interesting (private)' } },
      async (request) => {
        const actor = request.actor!;
        careerPolicy.authorize(actor, 'profile.own', undefined);
        return { items: await myInterests(deps, actor, await deps.vault.forOwner(actor)) };
      },
    );
  };
  void app.register(scoped, { logLevel: 'warn' });
}
