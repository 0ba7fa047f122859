import { KNOWHOW_SIGNALS, REACTIONS, REACTION_KEYS, isKnowhowKind, type ReactionKey } from '@engawa/shared';
import type { Selectable } from 'kysely';
import type { AttachmentTable } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { CommunityRow } from './context.ts';
import type { CommentRow, PostRow } from './posts.repo.ts';
import type { Tally } from './engagement.repo.ts';
import { engagementRepo } from './engagement.repo.ts';
import { communityPolicy, type CommentSubject, type CommunitySubject, type PostSubject } from './policy.ts';

/**
 * The only place that shapes community output. Nothing here returns a row: each field is chosen,
 * and every object carries the actor's evaluated `abilities` so the web never re-implements policy.
 */
export interface PersonRef {
  id: string;
  name: string;
}

export function presentCommunitySummary(
  c: CommunityRow,
  extra: { topics: string[]; organizers: PersonRef[]; memberCount: number; subject: CommunitySubject },
) {
  return {
    id: c.id,
    name: c.name,
    purpose: c.purpose,
    topics: extra.topics,
    visibility: extra.subject.visibility,
    memberCount: extra.memberCount,
    organizers: extra.organizers,
    membership: extra.subject.membership,
    joined: extra.subject.membership !== null,
    lastPostAt: c.last_post_at,
    createdAt: c.created_at,
  };
}

export function presentCommunity(
  actor: Actor,
  c: CommunityRow,
  extra: {
    topics: string[];
    organizers: PersonRef[];
    memberCount: number;
    subject: CommunitySubject;
    rulesAckVersion: number | null;
    conductAcked: boolean;
    /** When the next urgent announcement is possible (null: now); only for those who may announce. */
    urgentAvailableAt: string | null;
  },
) {
  const s = extra.subject;
  const can = (a: Parameters<typeof communityPolicy.can>[1]) => communityPolicy.can(actor, a, s as never);
  return {
    ...presentCommunitySummary(c, extra),
    rules: c.rules,
    rulesVersion: c.rules_version,
    privateReason: s.visibility === 'private' ? c.private_reason : null,
    /** First visit (or changed rules): show purpose and rules, and ask to acknowledge before posting. */
    needsRulesAck: extra.rulesAckVersion === null || extra.rulesAckVersion < c.rules_version,
    needsCodeOfConductAck: !extra.conductAcked,
    /** Urgent announcements are limited per community (COMMUNITY_LIMITS.urgentAnnouncementWindowHours). */
    urgentAvailableAt: can('community.announce') ? extra.urgentAvailableAt : null,
    abilities: {
      join: can('community.join'),
      leave: can('community.leave'),
      post: can('community.post'),
      manage: can('community.manage'),
      announce: can('community.announce'),
      announceCompany: can('community.announceCompany'),
      moderate: can('community.moderate'),
    },
  };
}

export function presentAttachment(a: Selectable<AttachmentTable>) {
  const url = `/api/attachments/${a.id}`;
  return {
    id: a.id,
    name: a.original_name,
    contentType: a.content_type,
    size: a.size_bytes,
    isImage: a.content_type.startsWith('image/'),
    width: a.width,
    height: a.height,
    url,
    thumbnailUrl: a.thumb_key ? `${url}/thumb` : null,
  };
}

/** The non-zero reactions on one subject, in the fixed order, with the reader's own marked. */
export function reactionsOf(tally: Tally, id: string) {
  const counts = tally.counts.get(id);
  return REACTION_KEYS.filter((k) => (counts?.get(k) ?? 0) > 0).map((k: ReactionKey) => ({
    key: k,
    emoji: REACTIONS[k],
    count: counts?.get(k) ?? 0,
    mine: tally.mine.has(engagementRepo.tallyKey(id, k)),
  }));
}

/** "I used this" / "this helped": counts and the reader's own. */
export function signalsOf(tally: Tally, id: string) {
  const counts = tally.counts.get(id);
  return Object.fromEntries(
    KNOWHOW_SIGNALS.map((k) => [
      k,
      { count: counts?.get(k) ?? 0, mine: tally.mine.has(engagementRepo.tallyKey(id, k)) },
    ]),
  ) as Record<(typeof KNOWHOW_SIGNALS)[number], { count: number; mine: boolean }>;
}

function parseJson(text: string | null): Record<string, string> | null {
  return text ? (JSON.parse(text) as Record<string, string>) : null;
}

export interface PostContext {
  community: { id: string; name: string; visibility: 'open' | 'private' };
  subject: PostSubject;
  author: PersonRef | null;
  webhook: PersonRef | null;
  reactions: Tally;
  signals: Tally;
  confirmations: Tally;
  attachments: Array<Selectable<AttachmentTable>>;
  unread?: boolean;
}

export function presentPost(actor: Actor, p: PostRow, ctx: PostContext) {
  const s = ctx.subject;
  const can = (a: Parameters<typeof communityPolicy.can>[1]) => communityPolicy.can(actor, a, s as never);
  return {
    id: p.id,
    communityId: p.community_id,
    community: ctx.community,
    kind: p.kind,
    title: p.title,
    body: p.body_md,
    bodyHtml: p.body_html,
    fields: parseJson(p.fields),
    fieldsHtml: parseJson(p.fields_html),
    author: ctx.author,
    webhook: ctx.webhook,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    editedAt: p.edited_at,
    pinned: p.pinned_at !== null,
    hidden: p.status === 'hidden',
    companyWide: p.company_wide === 1,
    announcement:
      p.kind === 'announcement'
        ? {
            companyWide: p.company_wide === 1,
            requiresConfirmation: p.requires_confirmation === 1,
            urgent: p.urgent === 1,
            confirmedCount: ctx.confirmations.counts.get(p.id)?.get('confirmed') ?? 0,
            confirmedByMe: ctx.confirmations.mine.has(engagementRepo.tallyKey(p.id, 'confirmed')),
          }
        : null,
    question: p.kind === 'question' ? { acceptedCommentId: p.accepted_comment_id } : null,
    reactions: reactionsOf(ctx.reactions, p.id),
    signals: isKnowhowKind(p.kind) ? signalsOf(ctx.signals, p.id) : null,
    commentCount: p.comment_count,
    attachments: ctx.attachments.map(presentAttachment),
    ...(ctx.unread === undefined ? {} : { unread: ctx.unread }),
    abilities: {
      edit: can('post.edit'),
      delete: can('post.delete'),
      pin: can('post.pin'),
      accept: can('post.accept'),
      comment: can('post.comment'),
      react: can('post.react'),
      signal: can('post.signal'),
      confirm: can('post.confirm'),
      seeConfirmations: can('post.confirmations'),
      viewRevisions: can('post.revisions'),
      report: can('post.report'),
    },
  };
}

/** A comment; deleted ones (and hidden ones, for non-moderators) keep their place but lose their content. */
export function presentComment(
  actor: Actor,
  c: CommentRow,
  ctx: { subject: CommentSubject; author: PersonRef | null; reactions: Tally; acceptedId: string | null },
) {
  const s = ctx.subject;
  const can = (a: Parameters<typeof communityPolicy.can>[1]) => communityPolicy.can(actor, a, s as never);
  const showContent =
    c.status === 'visible' || (c.status === 'hidden' && communityPolicy.can(actor, 'comment.seeHidden', s));
  return {
    id: c.id,
    postId: c.post_id,
    parentId: c.parent_id,
    author: c.status === 'deleted' ? null : ctx.author,
    body: showContent ? c.body_md : '',
    bodyHtml: showContent ? c.body_html : '',
    deleted: c.status === 'deleted',
    hidden: c.status === 'hidden',
    accepted: ctx.acceptedId === c.id,
    createdAt: c.created_at,
    editedAt: c.edited_at,
    reactions: showContent ? reactionsOf(ctx.reactions, c.id) : [],
    abilities: {
      edit: can('comment.edit'),
      delete: can('comment.delete'),
      react: can('comment.react'),
      report: can('comment.report'),
    },
  };
}

export type PresentedPost = ReturnType<typeof presentPost>;
