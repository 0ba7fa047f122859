import path from 'node:path';
import sharp from 'sharp';
import { COMMUNITY_LIMITS as L } from '@engawa/shared';
import type { AppDeps, ZodApp } from '../../app.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { newStorageKey, type BlobStorage } from '../../platform/storage.ts';
import { nowIso } from '../../db/index.ts';
import { attachmentRepo } from './attachments.repo.ts';
import { loadPost } from './context.ts';
import { presentAttachment } from './presenter.ts';
import { sniffFileType } from './sniff.ts';
import { IdParams } from './schema.ts';

/** Images larger than this many pixels are refused before decoding (decompression bombs). */
const MAX_INPUT_PIXELS = 50_000_000;

function tooLarge(bytes: number): AppError {
  return new AppError('community.attachment_too_large', { vars: { maxMb: Math.round(bytes / 1024 / 1024) } });
}

/** A display name from an uploaded file's name: base name only, no control characters, bounded. */
function cleanName(raw: string | undefined): string {
  const base = path.basename((raw ?? '').replace(/\\/g, '/'));
  const clean = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 200);
  return clean || 'file';
}

/** RFC 6266 / 5987 Content-Disposition with an ASCII fallback and the UTF-8 name (Japanese names). */
function disposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function isUtf8(data: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

/**
 * Attachments: uploaded first (visible only to the uploader until a post carries them), then
 * readable by exactly the people who may read that post; everyone else gets 404. The type is
 * decided from the bytes (sniff.ts); SVG and anything unknown is refused; images get a thumbnail.
 */
export function attachmentRoutes(app: ZodApp, deps: AppDeps, storage: BlobStorage) {
  app.post(
    '/api/attachments',
    { schema: { tags: ['community'], consumes: ['multipart/form-data'] } },
    async (request, reply) => {
      const actor = request.actor!;
      if (!request.isMultipart()) throw new AppError('community.attachment_missing');
      const file = await request.file({ limits: { fileSize: L.documentMaxBytes, files: 1 } });
      if (!file) throw new AppError('community.attachment_missing');
      let buf: Buffer;
      try {
        buf = await file.toBuffer();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(L.documentMaxBytes);
        throw e;
      }
      if (!buf.length) throw new AppError('community.attachment_missing');
      const name = cleanName(file.filename);
      const sniffed = sniffFileType(buf, name);
      if (!sniffed) throw new AppError('community.attachment_type_refused');
      let width: number | null = null;
      let height: number | null = null;
      let thumb: Buffer | null = null;
      if (sniffed.family === 'image') {
        if (buf.length > L.imageMaxBytes) throw tooLarge(L.imageMaxBytes);
        try {
          const img = sharp(buf, { limitInputPixels: MAX_INPUT_PIXELS, animated: false });
          const meta = await img.metadata();
          width = meta.width ?? null;
          height = meta.height ?? null;
          thumb = await img
            .rotate()
            .resize(L.thumbnailMaxPx, L.thumbnailMaxPx, { fit: 'inside', withoutEnlargement: true })
            .webp({ quality: 80 })
            .toBuffer();
        } catch {
          // Claims to be an image by its first bytes but does not decode: refuse it.
          throw new AppError('community.attachment_type_refused');
        }
      }
      const id = newId();
      const key = newStorageKey('attachments');
      const thumbKey = thumb ? `${key}-thumb` : null;
      await storage.put(key, buf);
      if (thumb && thumbKey) await storage.put(thumbKey, thumb);
      try {
        await attachmentRepo.insert(deps.db, {
          id,
          uploader_id: actor.userId,
          post_id: null,
          original_name: name,
          content_type: sniffed.contentType,
          size_bytes: buf.length,
          storage_key: key,
          thumb_key: thumbKey,
          width,
          height,
          created_at: nowIso(),
          deleted_at: null,
        });
      } catch (e) {
        await storage.delete(key);
        if (thumbKey) await storage.delete(thumbKey);
        throw e;
      }
      reply.status(201);
      return presentAttachment((await attachmentRepo.findById(deps.db, id))!);
    },
  );

  /** The attachment if this actor may read it; 404 otherwise (including "exists but not yours"). */
  const readable = async (actor: Actor, id: string) => {
    const a = await attachmentRepo.findById(deps.db, id);
    if (!a) throw notFound();
    if (a.post_id === null) {
      if (a.uploader_id !== actor.userId) throw notFound();
    } else {
      await loadPost(deps.db, actor, a.post_id);
    }
    return a;
  };

  for (const variant of ['original', 'thumb'] as const) {
    const url = variant === 'original' ? '/api/attachments/:id' : '/api/attachments/:id/thumb';
    app.get(url, { schema: { tags: ['community'], params: IdParams } }, async (request, reply) => {
      const a = await readable(request.actor!, request.params.id);
      const key = variant === 'original' ? a.storage_key : a.thumb_key;
      const data = key ? await storage.get(key) : null;
      if (!data) throw notFound();
      const isImage = a.content_type.startsWith('image/');
      const type = variant === 'thumb' ? 'image/webp' : a.content_type;
      reply
        .header('content-type', type.startsWith('text/') && isUtf8(data) ? `${type}; charset=utf-8` : type)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', disposition(isImage ? 'inline' : 'attachment', a.original_name))
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=300');
      return reply.send(data);
    });
  }
}
