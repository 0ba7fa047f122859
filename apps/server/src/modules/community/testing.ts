import zlib from 'node:zlib';
import type { StoredRole } from '@engawa/shared';
import { createUser, sessionFor, type Agent, type TestApp } from '../../test/harness.ts';

/**
 * Test helpers for community tests (and the authorization matrix): everything goes through the
 * real API, like a browser would.
 */
export interface CommunityJson {
  id: string;
  name: string;
  visibility: 'open' | 'private';
  membership: 'organizer' | 'member' | null;
  needsRulesAck: boolean;
  needsCodeOfConductAck: boolean;
  abilities: Record<string, boolean>;
  [k: string]: unknown;
}

export interface PostJson {
  id: string;
  kind: string;
  title: string | null;
  bodyHtml: string;
  abilities: Record<string, boolean>;
  [k: string]: unknown;
}

let n = 0;

export async function makeCommunity(
  agent: Agent,
  opts: { visibility?: 'open' | 'private'; name?: string; topics?: string[]; organizerIds?: string[] } = {},
): Promise<CommunityJson> {
  n += 1;
  const visibility = opts.visibility ?? 'open';
  const res = await agent.post('/api/communities', {
    name: opts.name ?? `生成AI活用 ${n}-${Math.random().toString(36).slice(2, 8)}`,
    purpose: 'AIの使い方を持ち寄って学び合う',
    rules: '否定しない。機密情報は書かない。',
    topics: opts.topics ?? ['AI'],
    visibility,
    ...(visibility === 'private' ? { privateReason: '人事評価の制度設計を議論するため' } : {}),
    ...(opts.organizerIds ? { organizerIds: opts.organizerIds } : {}),
  });
  if (res.status !== 201) throw new Error(`create community: ${res.status} ${res.body}`);
  return res.json() as CommunityJson;
}

/** Acknowledges the code of conduct and the community's rules (joining an open community first). */
export async function readyToPost(agent: Agent, communityId: string): Promise<void> {
  await agent.post('/api/me/code-of-conduct/acknowledge');
  const c = (await agent.get(`/api/communities/${communityId}`)).json() as CommunityJson;
  if (!c.membership) {
    const joined = await agent.post(`/api/communities/${communityId}/join`);
    if (joined.status !== 200) throw new Error(`join: ${joined.status} ${joined.body}`);
  }
  const ack = await agent.post(`/api/communities/${communityId}/acknowledge`);
  if (ack.status !== 200) throw new Error(`acknowledge: ${ack.status} ${ack.body}`);
}

export async function makePost(
  agent: Agent,
  communityId: string,
  body: Record<string, unknown> = {},
): Promise<PostJson> {
  const res = await agent.post(`/api/communities/${communityId}/posts`, {
    body: 'こんにちは、転職の相談です。',
    ...body,
  });
  if (res.status !== 201) throw new Error(`create post: ${res.status} ${res.body}`);
  return res.json() as PostJson;
}

export async function makeComment(
  agent: Agent,
  postId: string,
  body = 'いいですね',
  parentId?: string,
): Promise<{ id: string; [k: string]: unknown }> {
  const res = await agent.post(`/api/posts/${postId}/comments`, { body, ...(parentId ? { parentId } : {}) });
  if (res.status !== 201) throw new Error(`create comment: ${res.status} ${res.body}`);
  return res.json() as { id: string };
}

/** A minimal ZIP (stored, no compression) holding the given files: enough to build Office-like files. */
export function makeZip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const nameBuf = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    locals.push(local, nameBuf, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(files).length, 8);
  eocd.writeUInt16LE(Object.keys(files).length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

export const DOCX_FILES = {
  '[Content_Types].xml': '<?xml version="1.0"?><Types/>',
  'word/document.xml': '<?xml version="1.0"?><w:document/>',
};

/** A real PNG of the given size (sharp is a dependency anyway). */
export async function makePng(width = 800, height = 600): Promise<Buffer> {
  const sharp = (await import('sharp')).default;
  return sharp({ create: { width, height, channels: 3, background: '#3a7' } })
    .png()
    .toBuffer();
}

/** Uploads one file as multipart/form-data through the real route. */
export async function upload(
  agent: Agent,
  fileName: string,
  data: Buffer,
  declaredType = 'application/octet-stream',
) {
  const boundary = `----engawa${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${declaredType}\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  return agent.request('POST', '/api/attachments', Buffer.concat([head, data, tail]), {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
}

/** A signed-in person (session created directly: no password hashing, no login rate limit). */
export async function person(t: TestApp, opts: { roles?: StoredRole[]; name?: string; email?: string } = {}) {
  const u = await createUser(t, opts);
  return { ...u, agent: await sessionFor(t, u.id) };
}
export type Person = Awaited<ReturnType<typeof person>>;

export type ErrorBody = { error: { code: string; fields?: Array<{ field: string; code: string }> } };
export const errorOf = (res: { json: () => unknown }) => (res.json() as ErrorBody).error;
