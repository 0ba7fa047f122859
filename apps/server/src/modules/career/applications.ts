import crypto from 'node:crypto';
import {
  PROFILE_PARTS,
  type ApplicationItem,
  type ApplyPreview,
  type OpportunityType,
  type ProfilePart,
} from '@engawa/shared';
import type { AppDeps } from '../../app.ts';
import type { Actor } from '../../platform/actor.ts';
import type { OwnerVault } from '../../platform/vault/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { careerPolicy } from './policy.ts';
import { careerRepo, type OpportunityRow } from './repo.ts';
import { projectParts, readProfile } from './profile.ts';
import { loadOpportunity } from './opportunities.ts';
import { presentApplication, presentProjection } from './presenter.ts';
import type { Projection } from './schema.ts';

/**
 * Applying with consent. The preview computes exactly what the recipients (the opportunity's
 * owner and hr) will receive — the chosen parts of the profile, projected the same way as
 * publishing, and a message — and a hash of it. The application must carry that hash: the server
 * recomputes the snapshot from the profile at that moment and refuses (409) if it differs, so
 * what is stored is exactly what the person confirmed. Withdrawing deletes the snapshot and message.
 */

function orderedParts(parts: readonly ProfilePart[]): ProfilePart[] {
  return PROFILE_PARTS.filter((p) => parts.includes(p));
}

export function snapshotHash(
  opportunityId: string,
  parts: ProfilePart[],
  projection: Projection,
  message: string | null,
) {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify(['engawa.application.v1', opportunityId, parts, projection, message]))
    .digest('base64url');
}

function assertCanApply(row: OpportunityRow, actor: Actor) {
  if (row.status !== 'open') throw new AppError('career.opportunity_closed');
  if (row.owner_id === actor.userId) throw new AppError('career.own_opportunity');
}

async function snapshotFor(
  deps: AppDeps,
  ov: OwnerVault,
  opportunityId: string,
  parts: ProfilePart[],
  message: string | null,
) {
  const { profile } = await readProfile(deps, ov);
  const projection = projectParts(profile, parts);
  return { projection, hash: snapshotHash(opportunityId, parts, projection, message) };
}

export async function applyPreview(
  deps: AppDeps,
  actor: Actor,
  ov: OwnerVault,
  opportunityId: string,
  input: { parts: readonly ProfilePart[]; message: string | null },
): Promise<ApplyPreview> {
  const row = await loadOpportunity(deps, actor, opportunityId);
  assertCanApply(row, actor);
  const parts = orderedParts(input.parts);
  const { projection, hash } = await snapshotFor(deps, ov, row.id, parts, input.message);
  const me = await careerRepo.personCard(deps.db, actor.userId);
  return {
    opportunity: { id: row.id, title: row.title, type: row.type as OpportunityType },
    recipients: { owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null, hr: true },
    applicant: {
      id: actor.userId,
      name: me?.name ?? actor.name,
      title: me?.title ?? null,
      departmentName: me?.department_name ?? null,
    },
    parts,
    profile: presentProjection(projection, actor.locale),
    message: input.message,
    snapshotHash: hash,
  };
}

export async function applyTo(
  deps: AppDeps,
  actor: Actor,
  ov: OwnerVault,
  opportunityId: string,
  input: { parts: readonly ProfilePart[]; message: string | null; snapshotHash: string },
  now: Date,
): Promise<ApplicationItem> {
  const row = await loadOpportunity(deps, actor, opportunityId);
  assertCanApply(row, actor);
  const parts = orderedParts(input.parts);
  const { projection, hash } = await snapshotFor(deps, ov, row.id, parts, input.message);
  if (hash !== input.snapshotHash) throw new AppError('career.preview_outdated');
  await careerRepo.saveApplication(deps.db, {
    id: newId(),
    opportunity_id: row.id,
    applicant_id: actor.userId,
    parts: JSON.stringify(parts),
    snapshot: JSON.stringify(projection),
    message: input.message,
    submitted_at: now.toISOString(),
    recipient_owner_id: row.owner_id,
  });
  const mine = (await careerRepo.applicationsOf(deps.db, actor.userId)).find(
    (a) => a.opportunity_id === row.id,
  );
  if (!mine) throw notFound();
  return presentApplication(mine, actor.locale);
}

export async function withdrawApplication(deps: AppDeps, actor: Actor, opportunityId: string, now: Date) {
  if (!(await careerRepo.withdrawApplication(deps.db, opportunityId, actor.userId, now.toISOString()))) {
    throw notFound();
  }
}

export async function myApplications(deps: AppDeps, actor: Actor): Promise<ApplicationItem[]> {
  return (await careerRepo.applicationsOf(deps.db, actor.userId)).map((a) =>
    presentApplication(a, actor.locale),
  );
}

/** Applications to one opportunity: hr and the opportunity's owner (403 for others who can see it). */
export async function applicationsTo(
  deps: AppDeps,
  actor: Actor,
  opportunityId: string,
): Promise<ApplicationItem[]> {
  const row = await careerRepo.findOpportunity(deps.db, opportunityId);
  if (!row) throw notFound();
  const subject = { status: row.status, ownerId: row.owner_id };
  careerPolicy.authorize(actor, 'opportunity.view', subject, { hidden: true });
  careerPolicy.authorize(actor, 'opportunity.applications', subject);
  // hr receives every application; an owner only those sent while they were the owner shown.
  const recipient = actor.roles.has('hr') ? null : actor.userId;
  return (await careerRepo.applicationsFor(deps.db, opportunityId, recipient)).map((a) =>
    presentApplication(a, actor.locale),
  );
}
