import type { KnowhowSignal, PostKind, ReactionKey, ja } from '@engawa/shared';

/** The names of know-how structured fields, as the catalog knows them (community.fields.*). */
export type KnowhowFieldName = keyof (typeof ja)['community']['fields'];

/**
 * What the community API answers (apps/server/src/modules/community/presenter.ts). Every object
 * carries the reader's evaluated `abilities`: the web shows buttons from them and never decides
 * permissions itself.
 */
export interface PersonRef {
  id: string;
  name: string;
}

export type Membership = 'member' | 'organizer' | null;

export interface CommunitySummary {
  id: string;
  name: string;
  purpose: string;
  topics: string[];
  visibility: 'open' | 'private';
  memberCount: number;
  organizers: PersonRef[];
  membership: Membership;
  joined: boolean;
  lastPostAt: string | null;
  createdAt: string;
}

export interface Community extends CommunitySummary {
  rules: string;
  rulesVersion: number;
  privateReason: string | null;
  needsRulesAck: boolean;
  needsCodeOfConductAck: boolean;
  /** For those who may announce: when the next urgent announcement is possible (null: now). */
  urgentAvailableAt: string | null;
  abilities: {
    join: boolean;
    leave: boolean;
    post: boolean;
    manage: boolean;
    announce: boolean;
    announceCompany: boolean;
    moderate: boolean;
  };
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Reaction {
  key: ReactionKey;
  emoji: string;
  count: number;
  mine: boolean;
}

export type Signals = Record<KnowhowSignal, { count: number; mine: boolean }>;

export interface Attachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
  isImage: boolean;
  width: number | null;
  height: number | null;
  url: string;
  thumbnailUrl: string | null;
}

export interface Post {
  id: string;
  communityId: string;
  community: { id: string; name: string; visibility: 'open' | 'private' };
  kind: PostKind;
  title: string | null;
  body: string;
  /** Sanitised on the server (platform/markdown.ts): the only HTML the web ever renders. */
  bodyHtml: string;
  fields: Record<string, string> | null;
  /** Each structured field as sanitised HTML, from the server. */
  fieldsHtml: Record<string, string> | null;
  author: PersonRef | null;
  webhook: PersonRef | null;
  createdAt: string;
  updatedAt: string;
  editedAt: string | null;
  pinned: boolean;
  hidden: boolean;
  companyWide: boolean;
  announcement: {
    companyWide: boolean;
    requiresConfirmation: boolean;
    urgent: boolean;
    confirmedCount: number;
    confirmedByMe: boolean;
  } | null;
  question: { acceptedCommentId: string | null } | null;
  reactions: Reaction[];
  signals: Signals | null;
  commentCount: number;
  attachments: Attachment[];
  /** Only in the feed and community lists: newer than my read position in that community. */
  unread?: boolean;
  abilities: {
    edit: boolean;
    delete: boolean;
    pin: boolean;
    accept: boolean;
    comment: boolean;
    react: boolean;
    signal: boolean;
    confirm: boolean;
    seeConfirmations: boolean;
    viewRevisions: boolean;
    report: boolean;
  };
}

export interface PostPage extends Page<Post> {
  /** Community lists only: pinned posts, on the first page. */
  pinned?: Post[];
}

export interface Comment {
  id: string;
  postId: string;
  parentId: string | null;
  author: PersonRef | null;
  body: string;
  bodyHtml: string;
  deleted: boolean;
  hidden: boolean;
  accepted: boolean;
  createdAt: string;
  editedAt: string | null;
  reactions: Reaction[];
  abilities: { edit: boolean; delete: boolean; react: boolean; report: boolean };
}

export interface Revision {
  id: string;
  title: string | null;
  body: string;
  fields: Record<string, string> | null;
  editor: PersonRef | null;
  createdAt: string;
}

export interface Member {
  id: string;
  name: string;
  role: 'member' | 'organizer';
  joinedAt: string;
}

export interface Webhook {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface CreatedWebhook extends Webhook {
  path: string;
  url: string;
}

export interface ModerationItem {
  subjectType: 'post' | 'comment';
  subjectId: string;
  community: { id: string; name: string };
  post: { id: string; title: string | null };
  status: 'visible' | 'hidden' | 'deleted';
  bodyHtml: string;
  authorId: string | null;
  reportCount: number;
  reports: Array<{ reason: string; createdAt: string; resolution: string | null }>;
  history: Array<{ action: string; by: string | null; at: string }>;
}

export interface CodeOfConductState {
  version: number;
  acknowledgedAt: string | null;
  needsAck: boolean;
}
