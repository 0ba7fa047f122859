import { KNOWHOW_FIELDS, KNOWHOW_KINDS, isKnowhowKind, type FieldIssue, type PostKind } from '@engawa/shared';
import type { AppDeps, ZodApp } from '../../app.ts';
import { validationError } from '../../platform/errors.ts';
import { renderMarkdown, renderPreformatted } from '../../platform/markdown.ts';
import { postRepo } from './posts.repo.ts';
import { decodeCursor, pageOf } from './context.ts';
import { presentPosts } from './views.ts';
import { KnowhowQuery } from './schema.ts';

/**
 * Know-how posts (プロンプトレシピ, 成功事例, 小さな失敗と学び) are posts with a `kind` and structured
 * fields. This checks the fields per kind (unknown fields refused, required ones non-blank, each
 * named in the error) and renders them; other kinds carry no fields.
 */
export function validateFields(
  kind: PostKind,
  fields: Record<string, string> | undefined,
): Record<string, string> | null {
  if (!isKnowhowKind(kind)) {
    if (fields && Object.keys(fields).length) {
      throw validationError(
        Object.keys(fields).map((f) => ({ field: `fields.${f}`, code: 'invalid_value' })),
      );
    }
    return null;
  }
  const spec = KNOWHOW_FIELDS[kind];
  const issues: FieldIssue[] = [];
  const out: Record<string, string> = {};
  for (const name of Object.keys(fields ?? {})) {
    if (!spec.some((f) => f.name === name)) issues.push({ field: `fields.${name}`, code: 'invalid_value' });
  }
  for (const f of spec) {
    const value = (fields?.[f.name] ?? '').replace(/\s+$/, '');
    if (f.required && !value.trim()) issues.push({ field: `fields.${f.name}`, code: 'required' });
    if (value.trim()) out[f.name] = value;
  }
  if (issues.length) throw validationError(issues);
  return out;
}

/** Each field as sanitised HTML: Markdown, or verbatim for prompts and example outputs. */
export function renderFields(
  kind: PostKind,
  fields: Record<string, string> | null,
): Record<string, string> | null {
  if (!fields || !isKnowhowKind(kind)) return null;
  const out: Record<string, string> = {};
  for (const f of KNOWHOW_FIELDS[kind]) {
    const v = fields[f.name];
    if (v) out[f.name] = f.preformatted ? renderPreformatted(v) : renderMarkdown(v);
  }
  return out;
}

/** GET /api/knowhow: the know-how library across every community the reader may see. */
export function knowhowRoutes(app: ZodApp, deps: AppDeps) {
  app.get('/api/knowhow', { schema: { tags: ['community'], querystring: KnowhowQuery } }, async (request) => {
    const actor = request.actor!;
    const q = request.query;
    const cursor = decodeCursor(q.cursor);
    const rows = await postRepo.knowhowPage(deps.db, {
      userId: actor.userId,
      kinds: q.kind ? [q.kind] : KNOWHOW_KINDS,
      ...(cursor ? { cursor } : {}),
      limit: q.limit + 1,
    });
    const page = pageOf(rows, q.limit);
    return { items: await presentPosts(deps.db, actor, page.items), nextCursor: page.nextCursor };
  });
}
