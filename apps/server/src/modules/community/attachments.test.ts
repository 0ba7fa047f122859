import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { COMMUNITY_LIMITS } from '@engawa/shared';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import {
  DOCX_FILES,
  errorOf,
  makeCommunity,
  makePng,
  makePost,
  makeZip,
  person,
  readyToPost,
  upload,
  type PostJson,
} from './testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
});
afterAll(async () => t.close());

type AttachmentJson = {
  id: string;
  name: string;
  contentType: string;
  size: number;
  isImage: boolean;
  width: number | null;
  height: number | null;
  url: string;
  thumbnailUrl: string | null;
};

describe('uploading', () => {
  it('accepts an image by its bytes, records its size and makes a thumbnail', async () => {
    const me = await person(t);
    const res = await upload(me.agent, '写真.txt', await makePng(1600, 900), 'text/plain');
    expect(res.status).toBe(201);
    const a = res.json() as AttachmentJson;
    expect(a).toMatchObject({
      name: '写真.txt',
      contentType: 'image/png',
      isImage: true,
      width: 1600,
      height: 900,
      url: `/api/attachments/${a.id}`,
      thumbnailUrl: `/api/attachments/${a.id}/thumb`,
    });
    const thumb = await t.app.inject({ method: 'GET', url: a.thumbnailUrl!, cookies: me.agent.cookies });
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    const size = await sharp(thumb.rawPayload).metadata();
    expect(size.format).toBe('webp');
    expect([size.width, size.height]).toEqual([COMMUNITY_LIMITS.thumbnailMaxPx, 270]);
    expect(fs.readdirSync(path.join(t.dataDir, 'uploads', 'attachments')).length).toBeGreaterThan(0);
  });

  it('refuses SVG, HTML disguised as an image, executables and empty uploads', async () => {
    const me = await person(t);
    const svg = await upload(me.agent, 'logo.png', Buffer.from('<svg onload="alert(1)"></svg>'), 'image/png');
    expect(svg.status).toBe(415);
    expect(errorOf(svg).code).toBe('community.attachment_type_refused');
    const html = await upload(
      me.agent,
      'a.jpg',
      Buffer.from('<html><script>alert(1)</script></html>'),
      'image/jpeg',
    );
    expect(errorOf(html).code).toBe('community.attachment_type_refused');
    const exe = await upload(me.agent, 'a.pdf', Buffer.from('MZ\x90\x00', 'latin1'), 'application/pdf');
    expect(errorOf(exe).code).toBe('community.attachment_type_refused');
    const fakePng = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64),
    ]);
    expect(errorOf(await upload(me.agent, 'broken.png', fakePng)).code).toBe(
      'community.attachment_type_refused',
    );
    expect(errorOf(await upload(me.agent, 'empty.txt', Buffer.alloc(0))).code).toBe(
      'community.attachment_missing',
    );
    const none = await me.agent.post('/api/attachments', {});
    expect(errorOf(none).code).toBe('community.attachment_missing');
  });

  it('enforces the size limits (images smaller than documents)', async () => {
    const me = await person(t);
    const bigText = Buffer.alloc(COMMUNITY_LIMITS.documentMaxBytes + 1, 0x61);
    const res = await upload(me.agent, 'big.txt', bigText);
    expect(res.status).toBe(413);
    expect(errorOf(res).code).toBe('community.attachment_too_large');
    const png = await makePng(10, 10);
    const bigImage = Buffer.concat([png, Buffer.alloc(COMMUNITY_LIMITS.imageMaxBytes, 0)]);
    expect(errorOf(await upload(me.agent, 'big.png', bigImage)).code).toBe('community.attachment_too_large');
  });

  it('serves documents as downloads with nosniff, the right type and the Japanese file name', async () => {
    const me = await person(t);
    const docx = (await upload(me.agent, '議事録 2026.docx', makeZip(DOCX_FILES))).json() as AttachmentJson;
    expect(docx.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const res = await me.agent.get(docx.url);
    expect(res.headers['content-type']).toBe(docx.contentType);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="___ 2026.docx"; filename*=UTF-8''${encodeURIComponent('議事録 2026.docx')}`,
    );
    const csv = (await upload(me.agent, 'list.csv', Buffer.from('名前,部署\n'))).json() as AttachmentJson;
    const csvRes = await me.agent.get(csv.url);
    expect(csvRes.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(csvRes.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(csvRes.body).toBe('名前,部署\n');
    const png = (await upload(me.agent, 'a.png', await makePng(20, 20))).json() as AttachmentJson;
    const img = await me.agent.get(png.url);
    expect(img.headers['content-type']).toBe('image/png');
    expect(String(img.headers['content-disposition'])).toMatch(/^inline;/);
    expect(img.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
  });
});

describe('who may read an attachment', () => {
  it('is only the uploader until a post carries it, then exactly the post’s readers', async () => {
    const owner = await person(t);
    const member = await person(t);
    const outsider = await person(t);
    const admin = await person(t, { roles: ['admin'] });
    const secret = await makeCommunity(owner.agent, { visibility: 'private' });
    await owner.agent.post(`/api/communities/${secret.id}/members`, { userId: member.id });
    await readyToPost(owner.agent, secret.id);
    const a = (await upload(owner.agent, 'plan.pdf', Buffer.from('%PDF-1.4\n...'))).json() as AttachmentJson;
    expect((await member.agent.get(a.url)).status).toBe(404);
    expect((await owner.agent.get(a.url)).status).toBe(200);
    const post = await makePost(owner.agent, secret.id, { body: '資料です', attachmentIds: [a.id] });
    expect((post.attachments as AttachmentJson[]).map((x) => x.id)).toEqual([a.id]);
    expect((await member.agent.get(a.url)).status).toBe(200);
    expect((await outsider.agent.get(a.url)).status).toBe(404);
    expect((await admin.agent.get(a.url)).status).toBe(404);
    await owner.agent.delete(`/api/posts/${post.id}`);
    expect((await owner.agent.get(a.url)).status).toBe(404);
  });

  it('refuses someone else’s upload, and links the author’s own images used in the body', async () => {
    const owner = await person(t);
    const other = await person(t);
    const c = await makeCommunity(owner.agent);
    await readyToPost(owner.agent, c.id);
    const theirs = (await upload(other.agent, 'x.png', await makePng(10, 10))).json() as AttachmentJson;
    const res = await owner.agent.post(`/api/communities/${c.id}/posts`, {
      body: 'x',
      attachmentIds: [theirs.id],
    });
    expect(errorOf(res)).toMatchObject({
      code: 'community.attachment_unavailable',
      fields: [{ field: 'attachmentIds' }],
    });
    const mine = (await upload(owner.agent, 'y.png', await makePng(10, 10))).json() as AttachmentJson;
    const p = await makePost(owner.agent, c.id, { body: `図: ![図](${mine.url}) と ![他人](${theirs.url})` });
    expect((p.attachments as AttachmentJson[]).map((x) => x.id)).toEqual([mine.id]);
    expect(p.bodyHtml).toContain(`<img src="${mine.url}" alt="図" />`);
    expect((await other.agent.get(mine.url)).status).toBe(200);
    expect((await owner.agent.get(theirs.url)).status).toBe(404);
    // Editing can drop an attachment: it goes back to being the uploader's own.
    const edited = (
      await owner.agent.patch(`/api/posts/${p.id}`, { body: '図なし', attachmentIds: [] })
    ).json() as PostJson;
    expect(edited.attachments).toEqual([]);
    expect((await other.agent.get(mine.url)).status).toBe(404);
  });
});
