import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { COMPANION_LIMITS } from '@engawa/shared';
import type { AppDeps, ZodApp } from '../../app.ts';
import { AppError } from '../../platform/errors.ts';
import { clientGone, summarizeOrFail } from './http.ts';
import type { CompanionEngine } from './engine.ts';
import { createEngine } from './engines/index.ts';
import { companionPolicy } from './policy.ts';
import { companionRepo } from './repo.ts';
import { ChatBody, EphemeralSummaryBody, SettingsBody } from './schema.ts';
import { startChat, toSse } from './chat.ts';
import { readSettings, writeSettings } from './settings.ts';
import { effectiveK, monthlyInsights } from './usage.ts';
import { RETENTION_INTERVAL_MS, RETENTION_JOB, runCompanionRetention } from './retention.ts';
import { presentInsights, presentIntro, presentSettings } from './presenter.ts';
import { conversationRoutes } from './conversations.routes.ts';
import { noteRoutes } from './notes.routes.ts';

const tags = ['companion'];

/**
 * キャリア相談 routes. All of them are in one encapsulated scope that (1) logs nothing below
 * warn — no request line, so not even the fact that someone used the companion at a given time
 * reaches the logs — and (2) marks every response `no-store`. Private records are owner-only.
 */
export function companionRoutes(app: ZodApp, deps: AppDeps) {
  const engine: CompanionEngine = createEngine(deps);
  deps.vault.onErase((trx, ownerTag) => companionRepo.deleteAllOf(trx, ownerTag));
  deps.jobs.every(RETENTION_JOB, RETENTION_INTERVAL_MS, async (now) => {
    await runCompanionRetention(deps, now);
  });

  const scoped: FastifyPluginAsyncZod = async (scope) => {
    scope.addHook('onSend', async (_request, reply, payload) => {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      return payload;
    });

    scope.get('/api/companion/intro', { schema: { tags } }, async (request) => {
      const actor = request.actor!;
      companionPolicy.authorize(actor, 'companion.use', undefined);
      return presentIntro(await readSettings(deps), actor.locale, engine.kind);
    });

    scope.post(
      '/api/companion/chat',
      { bodyLimit: COMPANION_LIMITS.chatBodyBytes, schema: { tags, body: ChatBody } },
      async (request, reply) => {
        const actor = request.actor!;
        companionPolicy.authorize(actor, 'companion.use', undefined);
        const events = await startChat(deps, engine, actor, request.body, request.log, clientGone(reply));
        reply
          .header('content-type', 'text/event-stream; charset=utf-8')
          .header('cache-control', 'no-store, no-transform')
          .header('x-accel-buffering', 'no');
        return reply.send(Readable.from(toSse(events), { objectMode: false }));
      },
    );

    scope.post(
      '/api/companion/summary',
      { bodyLimit: COMPANION_LIMITS.chatBodyBytes, schema: { tags, body: EphemeralSummaryBody } },
      async (request, reply) => {
        const actor = request.actor!;
        companionPolicy.authorize(actor, 'companion.use', undefined);
        const { mode, history } = request.body;
        if (history.reduce((n, m) => n + m.content.length, 0) > COMPANION_LIMITS.historyMaxChars) {
          throw new AppError('companion.history_too_large', {
            fields: [{ field: 'history', code: 'too_long' }],
          });
        }
        const signal = clientGone(reply);
        const markdown = await summarizeOrFail(() =>
          engine.summarize({ mode, locale: actor.locale, history, signal }),
        );
        return { mode, markdown };
      },
    );

    conversationRoutes(scope, deps, engine);
    noteRoutes(scope, deps);

    scope.get('/api/companion/settings', { schema: { tags } }, async (request) => {
      companionPolicy.authorize(request.actor, 'settings.manage', undefined);
      return presentSettings(await readSettings(deps));
    });

    scope.put('/api/companion/settings', { schema: { tags, body: SettingsBody } }, async (request) => {
      companionPolicy.authorize(request.actor, 'settings.manage', undefined);
      return presentSettings(await writeSettings(deps, request.body));
    });

    scope.get('/api/companion/insights', { schema: { tags } }, async (request) => {
      companionPolicy.authorize(request.actor, 'insights.read', undefined);
      return presentInsights(await monthlyInsights(deps, new Date()), effectiveK(deps));
    });
  };
  void app.register(scoped, { logLevel: 'warn' });
}
