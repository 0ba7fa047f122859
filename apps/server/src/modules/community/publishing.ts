import type { Transaction } from 'kysely';
import {
  CODE_OF_CONDUCT_VERSION,
  TITLE_REQUIRED_KINDS,
  type FieldIssue,
  type PostKind,
} from '@engawa/shared';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError, validationError } from '../../platform/errors.ts';
import { communityRepo } from './repo.ts';
import { attachmentRepo } from './attachments.repo.ts';
import { communityPolicy, type CommunitySubject } from './policy.ts';
import type { CommunityRow } from './context.ts';

/**
 * Checks shared by everything that publishes into a community (posts and comments): membership,
 * the company code of conduct (first post ever), the community's rules (first post there), each
 * with a stable code the web acts on (show the text, then retry).
 */
export async function assertMayPublish(
  tx: Transaction<DB>,
  actor: Actor,
  community: CommunityRow,
  subject: CommunitySubject,
): Promise<void> {
  if (!communityPolicy.can(actor, 'community.post', subject))
    throw new AppError('community.membership_required');
  const conduct = await communityRepo.conductAck(tx, actor.userId);
  if (!conduct || Number(conduct.version) < CODE_OF_CONDUCT_VERSION) {
    throw new AppError('community.code_of_conduct_ack_required');
  }
  const rules = await communityRepo.rulesAck(tx, community.id, actor.userId);
  if (!rules || Number(rules.rules_version) < community.rules_version) {
    throw new AppError('community.rules_ack_required');
  }
}

/** Title and body presence per kind (know-how kinds may leave the free-text body empty). */
export function checkTitleAndBody(kind: PostKind, title: string | null, body: string): void {
  const issues: FieldIssue[] = [];
  if (TITLE_REQUIRED_KINDS.includes(kind) && !title) issues.push({ field: 'title', code: 'required' });
  if ((kind === 'post' || kind === 'question' || kind === 'announcement') && !body.trim()) {
    issues.push({ field: 'body', code: 'required' });
  }
  if (issues.length) throw validationError(issues);
}

const ATTACHMENT_REF = /\/api\/attachments\/([0-9a-f-]{36})/g;

/**
 * Which attachments a post carries: the ids the editor sent (each must be the author's own upload,
 * not yet on another post) plus the author's own uploads referenced in the body as images.
 */
export async function attachmentsFor(
  tx: Transaction<DB>,
  actor: Actor,
  postId: string | null,
  explicitIds: readonly string[],
  body: string,
): Promise<string[]> {
  const explicit = [...new Set(explicitIds)];
  const referenced = [...new Set([...body.matchAll(ATTACHMENT_REF)].map((m) => m[1]!))].filter(
    (id) => !explicit.includes(id),
  );
  const rows = await attachmentRepo.findByIds(tx, [...explicit, ...referenced]);
  const usable = (id: string) => {
    const a = rows.find((r) => r.id === id);
    return !!a && a.uploader_id === actor.userId && (a.post_id === null || a.post_id === postId);
  };
  if (!explicit.every(usable)) {
    throw new AppError('community.attachment_unavailable', {
      fields: [{ field: 'attachmentIds', code: 'invalid_value' }],
    });
  }
  return [...explicit, ...referenced.filter(usable)];
}

/** Of the mentioned people, those who may see a post in this community (never the author). */
export async function mentionRecipients(
  tx: Transaction<DB>,
  community: CommunityRow,
  mentionedIds: readonly string[],
  authorId: string | null,
): Promise<string[]> {
  const others = mentionedIds.filter((id) => id !== authorId);
  if (community.visibility === 'open' || !others.length) return others;
  const members = await communityRepo.membershipsOfCommunity(tx, community.id, others);
  return others.filter((id) => members.has(id));
}
