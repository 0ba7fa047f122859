import type { AppDeps, ZodApp } from '../../app.ts';
import { companionPolicy } from './policy.ts';
import { IdParams, ListQuery, NoteBody, NotePatch } from './schema.ts';
import { openConversation } from './conversations.ts';
import { createNote, deleteNote, listNotes, openNote, updateNote } from './notes.ts';
import { presentNote, presentNoteItem } from './presenter.ts';

const tags = ['companion'];

/** Private notes, for their owner only (same vault rule as conversations). */
export function noteRoutes(app: ZodApp, deps: AppDeps) {
  app.get('/api/companion/notes', { schema: { tags, querystring: ListQuery } }, async (request) => {
    const actor = request.actor!;
    companionPolicy.authorize(actor, 'companion.use', undefined);
    const notes = await listNotes(deps, await deps.vault.forOwner(actor), request.query.q);
    return { items: notes.map(presentNoteItem) };
  });

  app.post('/api/companion/notes', { schema: { tags, body: NoteBody } }, async (request, reply) => {
    const actor = request.actor!;
    companionPolicy.authorize(actor, 'companion.use', undefined);
    const ov = await deps.vault.forOwner(actor);
    const { title, body, conversationId } = request.body;
    // A link to a conversation must be to one of the owner's own (404 otherwise).
    if (conversationId) await openConversation(deps, ov, conversationId, new Date());
    const note = await createNote(deps, ov, {
      title,
      body,
      conversationId,
      locale: actor.locale,
      now: new Date(),
    });
    return reply.code(201).send(presentNote(note));
  });

  app.get('/api/companion/notes/:id', { schema: { tags, params: IdParams } }, async (request) => {
    const actor = request.actor!;
    companionPolicy.authorize(actor, 'companion.use', undefined);
    return presentNote(await openNote(deps, await deps.vault.forOwner(actor), request.params.id));
  });

  app.patch(
    '/api/companion/notes/:id',
    { schema: { tags, params: IdParams, body: NotePatch } },
    async (request) => {
      const actor = request.actor!;
      companionPolicy.authorize(actor, 'companion.use', undefined);
      const ov = await deps.vault.forOwner(actor);
      return presentNote(
        await updateNote(deps, ov, request.params.id, request.body, actor.locale, new Date()),
      );
    },
  );

  app.delete('/api/companion/notes/:id', { schema: { tags, params: IdParams } }, async (request, reply) => {
    const actor = request.actor!;
    companionPolicy.authorize(actor, 'companion.use', undefined);
    await deleteNote(deps, await deps.vault.forOwner(actor), request.params.id);
    return reply.code(204).send();
  });
}
