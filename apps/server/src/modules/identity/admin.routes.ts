import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import {
  AdminPasswordSchema,
  AdminUserCreateSchema,
  AdminUserListQuerySchema,
  AdminUserUpdateSchema,
} from '@engawa/shared';
import type { AppDeps, ZodApp } from '../../app.ts';
import { notFound } from '../../platform/errors.ts';
import { identityPolicy } from './policy.ts';
import { orgRepo } from './repo.ts';
import { presentPublicProfile } from './presenter.ts';
import { adminPasswordSetter, adminUserCreator, adminUserLister, adminUserUpdater } from './userAdmin.ts';

const IdParams = z.object({ id: z.string().min(1).max(64) });

/**
 * Authorizes role-gated admin routes in `onRequest`, before the body is read or validated, so
 * callers without the role learn nothing about the schema and cannot make the server parse
 * large bodies. (Runs after the app-level hook that loads the actor.)
 */
export function requirePolicy(action: 'user.admin' | 'department.admin' | 'org.import') {
  return async (request: FastifyRequest) => {
    identityPolicy.authorize(request.actor, action, undefined);
  };
}

/** Public profiles for colleagues, and user administration for system administrators. */
export function adminUserRoutes(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/users/:id',
    { schema: { tags: ['users'], summary: 'Public profile of an active user', params: IdParams } },
    async (request) => {
      identityPolicy.authorize(request.actor, 'user.directory', undefined);
      const row = await orgRepo.findPublicProfile(deps.db, request.params.id);
      if (!row) throw notFound();
      return presentPublicProfile(row);
    },
  );

  const admin = requirePolicy('user.admin');

  app.get(
    '/api/admin/users',
    {
      onRequest: admin,
      schema: { tags: ['admin'], summary: 'List users (admin)', querystring: AdminUserListQuerySchema },
    },
    async (request) => adminUserLister(deps, request.query),
  );

  app.post(
    '/api/admin/users',
    { onRequest: admin, schema: { tags: ['admin'], summary: 'Create a user', body: AdminUserCreateSchema } },
    async (request, reply) => {
      const user = await adminUserCreator(deps, request.actor!.userId, request.body);
      return reply.code(201).send(user);
    },
  );

  app.patch(
    '/api/admin/users/:id',
    {
      onRequest: admin,
      schema: { tags: ['admin'], summary: 'Update a user', params: IdParams, body: AdminUserUpdateSchema },
    },
    async (request) => adminUserUpdater(deps, request.actor!.userId, request.params.id, request.body),
  );

  app.post(
    '/api/admin/users/:id/password',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: "Set a user's password (ends their sessions)",
        params: IdParams,
        body: AdminPasswordSchema,
      },
    },
    async (request) => {
      await adminPasswordSetter(deps, request.actor!, request.params.id, request.body.password);
      return { ok: true };
    },
  );
}
