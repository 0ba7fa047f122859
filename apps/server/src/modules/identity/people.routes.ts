import { PeopleQuerySchema } from '@engawa/shared';
import type { AppDeps, ZodApp } from '../../app.ts';
import { identityPolicy } from './policy.ts';
import { peopleLister } from './people.ts';

/** The company people directory: any signed-in colleague finds another by name (pickers). */
export function peopleRoutes(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/people',
    {
      schema: {
        tags: ['users'],
        summary: 'Find active colleagues by name (name and department only)',
        querystring: PeopleQuerySchema,
      },
    },
    async (request) => {
      identityPolicy.authorize(request.actor, 'user.directory', undefined);
      return peopleLister(deps, request.query);
    },
  );
}
