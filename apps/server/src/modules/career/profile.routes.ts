import {
  ExperienceBody,
  ExperiencePatch,
  GoalsBody,
  PROFILE_PARTS,
  PublishBody,
  SkillsBody,
  StrengthsBody,
  ValuesBody,
} from '@engawa/shared';
import type { AppDeps, ZodApp } from '../../app.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { careerPolicy } from './policy.ts';
import { careerRepo } from './repo.ts';
import {
  addExperience,
  changeProfile,
  deleteExperience,
  projectParts,
  publishPart,
  readProfile,
  setGoals,
  setSkills,
  setStrengths,
  setValues,
  unpublishPart,
  updateExperience,
  type ProfileChange,
} from './profile.ts';
import { presentProfile, presentProjection, presentPublicProfile } from './presenter.ts';
import { IdParams, PartParams } from './schema.ts';
import type { StoredProfile } from './schema.ts';

const tags = ['career'];

/**
 * The owner's own career profile (private scope: no request log lines, `no-store`). Every route
 * opens the vault of the request's own actor; there is no route that reads someone else's
 * private profile. `GET /api/users/:id/career` (published parts only) is registered by
 * routes.ts outside the private scope.
 */
export function profileRoutes(scope: ZodApp, deps: AppDeps) {
  async function current(actor: Actor) {
    const ov = await deps.vault.forOwner(actor);
    const [{ profile }, published] = await Promise.all([
      readProfile(deps, ov),
      careerRepo.publishedPartNames(deps.db, actor.userId),
    ]);
    return presentProfile(profile, published, actor.locale);
  }

  async function change<T>(actor: Actor, fn: (p: StoredProfile) => ProfileChange<T>) {
    careerPolicy.authorize(actor, 'profile.own', undefined);
    const ov = await deps.vault.forOwner(actor);
    const { profile, result } = await changeProfile(deps, ov, actor.userId, new Date(), fn);
    const published = await careerRepo.publishedPartNames(deps.db, actor.userId);
    return { profile: presentProfile(profile, published, actor.locale), result };
  }

  scope.get(
    '/api/career/profile',
    { schema: { tags, summary: 'My career profile (private)' } },
    async (request) => {
      careerPolicy.authorize(request.actor, 'profile.own', undefined);
      return current(request.actor!);
    },
  );

  scope.get(
    '/api/career/profile/public-preview',
    { schema: { tags, summary: 'What each part would show on my public profile if published' } },
    async (request) => {
      const actor = request.actor!;
      careerPolicy.authorize(actor, 'profile.own', undefined);
      const { profile } = await readProfile(deps, await deps.vault.forOwner(actor));
      return { parts: presentProjection(projectParts(profile, PROFILE_PARTS), actor.locale) };
    },
  );

  scope.put(
    '/api/career/profile/strengths',
    { schema: { tags, body: StrengthsBody } },
    async (request) => (await change(request.actor!, (p) => setStrengths(p, request.body))).profile,
  );
  scope.put(
    '/api/career/profile/values',
    { schema: { tags, body: ValuesBody } },
    async (request) => (await change(request.actor!, (p) => setValues(p, request.body))).profile,
  );
  scope.put(
    '/api/career/profile/skills',
    { schema: { tags, body: SkillsBody } },
    async (request) => (await change(request.actor!, (p) => setSkills(p, request.body))).profile,
  );
  scope.put(
    '/api/career/profile/goals',
    { schema: { tags, body: GoalsBody } },
    async (request) => (await change(request.actor!, (p) => setGoals(p, request.body))).profile,
  );

  scope.post(
    '/api/career/profile/experiences',
    { schema: { tags, summary: 'Add an experience to the ledger', body: ExperienceBody } },
    async (request, reply) => {
      const { profile, result } = await change(request.actor!, (p) =>
        addExperience(p, request.body, new Date()),
      );
      return reply.code(201).send({ id: result.id, profile });
    },
  );
  scope.patch(
    '/api/career/profile/experiences/:id',
    { schema: { tags, params: IdParams, body: ExperiencePatch } },
    async (request) =>
      (await change(request.actor!, (p) => updateExperience(p, request.params.id, request.body, new Date())))
        .profile,
  );
  scope.delete(
    '/api/career/profile/experiences/:id',
    { schema: { tags, params: IdParams } },
    async (request) => (await change(request.actor!, (p) => deleteExperience(p, request.params.id))).profile,
  );

  scope.put(
    '/api/career/profile/published/:part',
    {
      schema: {
        tags,
        summary: 'Publish one part (copies only that part to the public profile)',
        params: PartParams,
        body: PublishBody,
      },
    },
    async (request) => {
      const actor = request.actor!;
      careerPolicy.authorize(actor, 'profile.own', undefined);
      await publishPart(
        deps,
        await deps.vault.forOwner(actor),
        actor.userId,
        request.params.part,
        request.body.version,
      );
      return current(actor);
    },
  );
  scope.delete(
    '/api/career/profile/published/:part',
    { schema: { tags, summary: 'Unpublish one part (deletes its public copy)', params: PartParams } },
    async (request) => {
      const actor = request.actor!;
      careerPolicy.authorize(actor, 'profile.own', undefined);
      await unpublishPart(deps, actor.userId, request.params.part);
      return current(actor);
    },
  );
}

/** `GET /api/users/:id/career`: the parts someone published, for any signed-in colleague. */
export function publicProfileRoutes(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/users/:id/career',
    { schema: { tags, summary: 'Published parts of a career profile', params: IdParams } },
    async (request) => {
      const actor = request.actor!;
      careerPolicy.authorize(actor, 'profile.readPublic', undefined);
      if (!(await careerRepo.userIsVisible(deps.db, request.params.id))) throw notFound();
      const rows = await careerRepo.publicPartsOf(deps.db, request.params.id);
      return presentPublicProfile(request.params.id, rows, actor.locale);
    },
  );
}
