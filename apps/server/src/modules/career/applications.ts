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
import { runInTransaction } from '../../platform/realtime/index.ts';
import { notify } from '../notifications/notify.ts';
import { careerPolicy } from './policy.ts';
import { careerRepo, type OpportunityRow } from './repo.ts';
import { projectParts, readProfile } from './profile.ts';
import { loadOpportunity } from './opportunities.ts';
import { presentApplication, presentProjection } from './presenter.ts';
import type { Projection } from './schema.ts';

/**
 * Applying with consent. The preview computes exactly what the recipients (the opportunity's
 * owner shown on the screen, and hr) will receive — the chosen parts of the profile, projected
 * the same way as publishing, and a message — and a hash of it that covers the owner too. The
 * application must carry that hash: the server recomputes it at that moment and refuses (409) if
 * it differs, so what is stored is exactly what the person confirmed, bound to exactly the owner
 * they saw. Withdrawing deletes the snapshot and message.
 */

function orderedParts(parts: readonly ProfilePart[]): ProfilePart[] {
  return PROFILE_PARTS.filter((p) => parts.includes(p));
}

function sha256(value: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}

/** The recipient part of the hash: tells a changed owner apart from a changed profile or message. */
function recipientTag(opportunityId: string, ownerId: string | null): string {
  return sha256(['engawa.application.recipient.v1', opportunityId, ownerId]).slice(0, 22);
}

/**
 * `<content>.<recipient>`: the content hash covers the opportunity, the owner who receives it,
 * the parts, their projection and the message; the short recipient tag after the dot only lets
 * the server say which of the two changed (the content hash alone would refuse either way).
 */
export function snapshotHash(
  opportunityId: string,
  ownerId: string | null,
  parts: ProfilePart[],
  projection: Projection,
  message: string | null,
): string {
  const content = sha256(['engawa.application.v2', opportunityId, ownerId, parts, projection, message]);
  return `${content}.${recipientTag(opportunityId, ownerId)}`;
}

/** Refuses a hash that does not match what would be sent now, naming a changed recipient first. */
function assertConfirmed(confirmed: string, current: string) {
  if (confirmed === current) return;
  const tag = confirmed.split('.')[1];
  if (tag !== undefined && tag !== current.split('.')[1]) throw new AppError('career.recipient_changed');
  throw new AppError('career.preview_outdated');
}

function assertCanApply(row: OpportunityRow, actor: Actor) {
  if (row.status !== 'open') throw new AppError('career.opportunity_closed');
  if (row.owner_id === actor.userId) throw new AppError('career.own_opportunity');
}

async function snapshotFor(
  deps: AppDeps,
  ov: OwnerVault,
  row: Pick<OpportunityRow, 'id' | 'owner_id'>,
  parts: ProfilePart[],
  message: string | null,
) {
  const { profile } = await readProfile(deps, ov);
  const projection = projectParts(profile, parts);
  return { projection, hash: snapshotHash(row.id, row.owner_id, parts, projection, message) };
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
  const { projection, hash } = await snapshotFor(deps, ov, row, parts, input.message);
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

/** Where the owner (and hr) read the applications to one opportunity in the web app. */
export function applicationsLink(opportunityId: string): string {
  return `/career/manage?applications=${encodeURIComponent(opportunityId)}`;
}

/**
 * Applies with the confirmed snapshot. The application is stored bound to the owner whose id is in
 * the hash (`recipient_owner_id`), and in the same transaction that owner is told — only that there
 * is a new application to the opportunity, never who sent what — through the notifications module,
 * which holds it until their working hours. The owner is read again inside the transaction, so an
 * owner change that committed after the check refuses the application instead of notifying
 * someone who no longer runs it.
 */
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
  const { projection, hash } = await snapshotFor(deps, ov, row, parts, input.message);
  assertConfirmed(input.snapshotHash, hash);
  await runInTransaction(deps, async ({ tx, events }) => {
    const fresh = await careerRepo.findOpportunity(tx, row.id);
    if (!fresh) throw notFound();
    assertCanApply(fresh, actor);
    if (fresh.owner_id !== row.owner_id) throw new AppError('career.recipient_changed');
    await careerRepo.saveApplication(tx, {
      id: newId(),
      opportunity_id: row.id,
      applicant_id: actor.userId,
      parts: JSON.stringify(parts),
      snapshot: JSON.stringify(projection),
      message: input.message,
      submitted_at: now.toISOString(),
      recipient_owner_id: row.owner_id,
    });
    if (row.owner_id) {
      await notify(
        { deps, tx, events },
        {
          userIds: [row.owner_id],
          kind: 'application',
          threadKey: `application:${row.id}`,
          // Nobody named: the notice says only that an application arrived, not from whom.
          actorId: null,
          subject: fresh.title,
          link: applicationsLink(row.id),
        },
        now,
      );
    }
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
