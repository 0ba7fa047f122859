import { z } from 'zod';
import { DepartmentCreateSchema, DepartmentUpdateSchema } from '@engawa/shared';
import type { AppDeps, ZodApp } from '../../app.ts';
import { identityPolicy } from './policy.ts';
import { requirePolicy } from './admin.routes.ts';
import {
  departmentCreator,
  departmentDeleter,
  departmentLister,
  departmentUpdater,
} from './departmentAdmin.ts';

const IdParams = z.object({ id: z.string().min(1).max(64) });

/** The department tree for everyone, and its administration for system administrators. */
export function departmentRoutes(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/departments',
    { schema: { tags: ['departments'], summary: 'All departments (flat; build the tree from parentId)' } },
    async (request) => {
      identityPolicy.authorize(request.actor, 'department.read', undefined);
      return departmentLister(deps);
    },
  );

  const admin = requirePolicy('department.admin');

  app.post(
    '/api/admin/departments',
    {
      onRequest: admin,
      schema: { tags: ['admin'], summary: 'Create a department', body: DepartmentCreateSchema },
    },
    async (request, reply) => {
      const item = await departmentCreator(deps, request.actor!.userId, request.body);
      return reply.code(201).send(item);
    },
  );

  app.patch(
    '/api/admin/departments/:id',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'Update or move a department',
        params: IdParams,
        body: DepartmentUpdateSchema,
      },
    },
    async (request) => departmentUpdater(deps, request.actor!.userId, request.params.id, request.body),
  );

  app.delete(
    '/api/admin/departments/:id',
    {
      onRequest: admin,
      schema: { tags: ['admin'], summary: 'Delete an empty department', params: IdParams },
    },
    async (request) => {
      await departmentDeleter(deps, request.actor!.userId, request.params.id);
      return { ok: true };
    },
  );
}
