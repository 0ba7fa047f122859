import { z } from 'zod';
import {
  ANNOUNCEMENT_AUDIENCES,
  COMMUNITY_LIMITS as L,
  COMMUNITY_VISIBILITIES,
  KNOWHOW_KINDS,
  KNOWHOW_SIGNALS,
  LIMITS,
  POST_KINDS,
  REACTION_KEYS,
  REPORT_SUBJECTS,
} from '@engawa/shared';

/** One zod schema per endpoint input; limits come from packages/shared so the web agrees. */
const Id = z.string().min(1).max(64);
const Limit = (def: number, max: number) => z.coerce.number().int().min(1).max(max).default(def);

export const IdParams = z.object({ id: Id });
export const MemberParams = z.object({ id: Id, userId: Id });
export const WebhookParams = z.object({ id: Id, webhookId: Id });
export const ReactionParams = z.object({ id: Id, reaction: z.enum(REACTION_KEYS as [string, ...string[]]) });
export const SignalParams = z.object({ id: Id, signal: z.enum(KNOWHOW_SIGNALS) });
export const TokenParams = z.object({ token: z.string().min(20).max(128) });

const Topic = z.string().trim().min(1).max(L.topicMax);

export const CreateCommunityBody = z.object({
  name: z.string().trim().min(1).max(L.nameMax),
  purpose: z.string().trim().min(1).max(L.purposeMax),
  rules: z.string().trim().min(1).max(L.rulesMax),
  topics: z.array(Topic).max(L.topicsMax).default([]),
  visibility: z.enum(COMMUNITY_VISIBILITIES).default('open'),
  privateReason: z.string().trim().max(L.privateReasonMax).nullable().optional(),
  organizerIds: z.array(Id).max(L.coOrganizersMax).default([]),
});

export const UpdateCommunityBody = z.object({
  name: z.string().trim().min(1).max(L.nameMax).optional(),
  purpose: z.string().trim().min(1).max(L.purposeMax).optional(),
  rules: z.string().trim().min(1).max(L.rulesMax).optional(),
  topics: z.array(Topic).max(L.topicsMax).optional(),
  visibility: z.enum(COMMUNITY_VISIBILITIES).optional(),
  privateReason: z.string().trim().max(L.privateReasonMax).nullable().optional(),
});

export const ListCommunitiesQuery = z.object({
  scope: z.enum(['all', 'joined']).default('all'),
  /** Part of a community's name (NFKC, case and hiragana/katakana folded; every word must match). */
  q: z.string().trim().max(L.nameMax).optional(),
  topic: z.string().trim().max(L.topicMax).optional(),
  cursor: z.string().max(300).optional(),
  limit: Limit(20, 50),
});

export const PageQuery = z.object({
  cursor: z.string().max(300).optional(),
  limit: Limit(L.feedPageDefault, L.feedPageMax),
});

export const CommunityPostsQuery = PageQuery.extend({ kind: z.enum(POST_KINDS).optional() });
export const KnowhowQuery = PageQuery.extend({ kind: z.enum(KNOWHOW_KINDS).optional() });
export const MembersQuery = z.object({
  after: Id.optional(),
  limit: Limit(50, 200),
  /** Part of a member's name, matched like the company directory (`GET /api/people?q=`). */
  q: z.string().trim().max(LIMITS.nameMax).optional(),
});

export const UserRefBody = z.object({ userId: Id });
export const MarkReadBody = z.object({ postId: Id.optional() });

const Fields = z.record(z.string().max(40), z.string().max(L.fieldMax));

export const CreatePostBody = z.object({
  kind: z.enum(POST_KINDS).default('post'),
  title: z.string().trim().max(L.titleMax).nullable().optional(),
  body: z.string().max(L.bodyMax).default(''),
  fields: Fields.optional(),
  attachmentIds: z.array(Id).max(L.attachmentsPerPost).default([]),
  requiresConfirmation: z.boolean().default(false),
  /** Announcements only: notify now, even outside people's working hours (use rarely). */
  urgent: z.boolean().default(false),
  audience: z.enum(ANNOUNCEMENT_AUDIENCES).default('community'),
});

export const UpdatePostBody = z.object({
  title: z.string().trim().max(L.titleMax).nullable().optional(),
  body: z.string().max(L.bodyMax).optional(),
  fields: Fields.optional(),
  attachmentIds: z.array(Id).max(L.attachmentsPerPost).optional(),
});

export const AcceptBody = z.object({ commentId: Id.nullable() });

export const CreateCommentBody = z.object({
  body: z.string().trim().min(1).max(L.commentMax),
  parentId: Id.nullable().optional(),
});
export const UpdateCommentBody = z.object({ body: z.string().trim().min(1).max(L.commentMax) });

export const ReportBody = z.object({
  subjectType: z.enum(REPORT_SUBJECTS),
  subjectId: Id,
  reason: z.string().trim().min(1).max(L.reportReasonMax),
});

export const ModerationParams = z.object({
  subjectType: z.enum(REPORT_SUBJECTS),
  subjectId: Id,
  action: z.enum(['hide', 'restore', 'dismiss']),
});
export const ModerationQueueQuery = z.object({ status: z.enum(['open', 'resolved']).default('open') });

export const CreateWebhookBody = z.object({ name: z.string().trim().min(1).max(L.webhookNameMax) });
