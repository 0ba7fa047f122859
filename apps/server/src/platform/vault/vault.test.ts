import fs from 'node:fs';
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, sessionFor, type Agent, type TestApp } from '../../test/harness.ts';
import type { Actor } from '../actor.ts';
import { chat, keptConversation, privateNote } from '../../modules/companion/testing.ts';
import {
  masterKeyId,
  openRecord,
  recordAad,
  unwrapKey,
  userKeyAad,
  VaultDecryptError,
  wrapKey,
} from './crypto.ts';
import { keyRingFiles, readKeyFile } from './master-key.ts';
import { rotateMasterKey } from './rotate.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '1000000' });
});
afterAll(async () => t.close());

async function person(): Promise<{ id: string; agent: Agent }> {
  const u = await createUser(t);
  const agent = await sessionFor(t, u.id);
  expect((await agent.get('/api/me')).status).toBe(200); // first request: the vault key exists from now on
  return { id: u.id, agent };
}

async function tagOfNote(noteId: string): Promise<string> {
  return (
    await t.deps.db
      .selectFrom('companion_notes')
      .select('owner_tag')
      .where('id', '=', noteId)
      .executeTakeFirstOrThrow()
  ).owner_tag;
}

describe('opening a vault', () => {
  it('accepts only the actor the session layer built for a request, never a made-up one', async () => {
    const u = await createUser(t);
    const forged: Actor = {
      userId: u.id,
      sessionId: 'x',
      name: 'x',
      roles: new Set(['employee']),
      departmentId: null,
      managedDepartmentIds: [],
      locale: 'ja',
    };
    await expect(t.deps.vault.forOwner(forged)).rejects.toThrow(/actor of the current request/);
  });

  it('gives every signed-in person a key on their first request, whether or not they use the companion', async () => {
    const u = await createUser(t);
    expect(
      await t.deps.db.selectFrom('vault_keys').selectAll().where('user_id', '=', u.id).executeTakeFirst(),
    ).toBeUndefined();
    await (await sessionFor(t, u.id)).get('/api/me');
    const row = await t.deps.db
      .selectFrom('vault_keys')
      .selectAll()
      .where('user_id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(Object.keys(row).sort()).toEqual(['master_key_id', 'user_id', 'wrapped_key']); // no timestamps
  });

  it("does not open a row moved into another person's vault (404, nothing leaks)", async () => {
    const a = await person();
    const b = await person();
    const aNote = await privateNote(a.agent, 'Aさんの秘密のメモ');
    const bNote = await privateNote(b.agent, 'Bさんのメモ');
    const bTag = await tagOfNote(bNote);
    // A database operator re-labels A's note as B's …
    await t.deps.db.updateTable('companion_notes').set({ owner_tag: bTag }).where('id', '=', aNote).execute();
    const got = await b.agent.get(`/api/companion/notes/${aNote}`);
    expect(got.status).toBe(404);
    const list = await b.agent.get('/api/companion/notes');
    expect(list.status).toBe(200);
    expect(list.body).not.toContain('Aさん');
    expect((list.json() as { items: Array<{ id: string }> }).items.map((i) => i.id)).toEqual([bNote]);
    // … or copies A's ciphertext over B's own note: it does not decrypt as B's either.
    const aBody = (
      await t.deps.db
        .selectFrom('companion_notes')
        .select('body')
        .where('id', '=', aNote)
        .executeTakeFirstOrThrow()
    ).body;
    await t.deps.db.updateTable('companion_notes').set({ body: aBody }).where('id', '=', bNote).execute();
    expect((await b.agent.get(`/api/companion/notes/${bNote}`)).status).toBe(404);
  });
});

describe('erasure', () => {
  it('deletes the rows and the key; a copy of the ciphertext taken before cannot be decrypted, even with the master key', async () => {
    const p = await person();
    const conversation = await keptConversation(p.agent, '消してほしい相談', 'forever');
    expect((await p.agent.post(`/api/companion/conversations/${conversation}/summary`)).status).toBe(201);
    const note = await privateNote(p.agent, '消してほしいメモ');
    const tag = await tagOfNote(note);
    // A "backup" of the person's rows, without their key.
    const copies = [
      ...(
        await t.deps.db
          .selectFrom('companion_conversations')
          .selectAll()
          .where('owner_tag', '=', tag)
          .execute()
      ).flatMap((r) => [
        { kind: 'companion.conversation-meta', id: r.id, sealed: r.meta },
        { kind: 'companion.conversation-messages', id: r.id, sealed: r.messages },
      ]),
      ...(
        await t.deps.db.selectFrom('companion_summaries').selectAll().where('owner_tag', '=', tag).execute()
      ).map((r) => ({
        kind: 'companion.summary',
        id: r.id,
        sealed: r.body,
      })),
      ...(
        await t.deps.db.selectFrom('companion_notes').selectAll().where('owner_tag', '=', tag).execute()
      ).map((r) => ({
        kind: 'companion.note',
        id: r.id,
        sealed: r.body,
      })),
    ];
    expect(copies).toHaveLength(4);

    await t.deps.vault.eraseUser(p.id);

    for (const table of ['companion_conversations', 'companion_summaries', 'companion_notes'] as const) {
      expect(await t.deps.db.selectFrom(table).select('id').where('owner_tag', '=', tag).execute()).toEqual(
        [],
      );
    }
    expect(
      await t.deps.db.selectFrom('vault_keys').select('user_id').where('user_id', '=', p.id).execute(),
    ).toEqual([]);

    // Someone holding the master key and every key left in the database still cannot read the copies.
    const master = readKeyFile(t.config.masterKeyFile)!;
    const keys = await t.deps.db.selectFrom('vault_keys').selectAll().execute();
    const dataKeys = keys.map((k) => unwrapKey(master, k.wrapped_key, userKeyAad(k.user_id)));
    expect(dataKeys.length).toBeGreaterThan(0);
    for (const copy of copies) {
      for (const candidate of [master, ...dataKeys]) {
        expect(() => openRecord(candidate, copy.sealed, recordAad(p.id, copy.kind, copy.id))).toThrow(
          VaultDecryptError,
        );
      }
    }

    // The person, if still signed in, starts again from nothing.
    expect((await p.agent.get(`/api/companion/conversations/${conversation}`)).status).toBe(404);
    expect((await p.agent.get('/api/companion/conversations')).json()).toEqual({ items: [] });
    expect((await p.agent.get('/api/companion/notes')).json()).toEqual({ items: [] });
  });

  it('leaves other people untouched', async () => {
    const keep = await person();
    const gone = await person();
    const kept = await privateNote(keep.agent, '残るメモ');
    await privateNote(gone.agent, '消えるメモ');
    await t.deps.vault.eraseUser(gone.id);
    expect((await keep.agent.get(`/api/companion/notes/${kept}`)).status).toBe(200);
  });
});

describe('master key rotation', () => {
  it('rewraps every key and system secret in batches while requests keep working, then swaps the files', async () => {
    const files = keyRingFiles(t.config.masterKeyFile);
    const a = await person();
    const conversation = await keptConversation(a.agent, 'ローテーション中も読める相談');
    const b = await person();
    const note = await privateNote(b.agent, 'ローテーション中も読めるメモ');
    for (let i = 0; i < 12; i++) await person();
    const oldKey = readKeyFile(files.current)!;
    const keyCount = (await t.deps.db.selectFrom('vault_keys').select('user_id').execute()).length;

    // Rotate in small batches, with reads in flight the whole time.
    let reads = 0;
    let rotating = true;
    const reader = (async () => {
      while (rotating) {
        expect((await a.agent.get(`/api/companion/conversations/${conversation}`)).status).toBe(200);
        expect((await b.agent.get(`/api/companion/notes/${note}`)).status).toBe(200);
        reads++;
      }
    })();
    const result = await rotateMasterKey(t.deps, { batchSize: 3 }).finally(() => {
      rotating = false;
    });
    await reader;
    expect(reads).toBeGreaterThan(0);

    expect(result.oldKeyId).toBe(masterKeyId(oldKey));
    expect(result.rewrappedKeys).toBe(keyCount);
    expect(result.rewrappedSecrets).toBeGreaterThanOrEqual(1); // this month's usage-count secret
    const newKey = readKeyFile(files.current)!;
    expect(newKey.equals(oldKey)).toBe(false);
    expect(masterKeyId(newKey)).toBe(result.newKeyId);
    expect(readKeyFile(files.previous)!.equals(oldKey)).toBe(true);
    expect(fs.existsSync(files.next)).toBe(false);
    expect((fs.statSync(files.current).mode & 0o777).toString(8)).toBe('600');
    const ids = new Set(
      (await t.deps.db.selectFrom('vault_keys').select('master_key_id').execute()).map(
        (r) => r.master_key_id,
      ),
    );
    expect([...ids]).toEqual([result.newKeyId]);
    const secretIds = new Set(
      (await t.deps.db.selectFrom('vault_secrets').select('master_key_id').execute()).map(
        (r) => r.master_key_id,
      ),
    );
    expect([...secretIds]).toEqual([result.newKeyId]);

    // The running server reads everything and wraps new keys with the new master key.
    expect((await a.agent.get(`/api/companion/conversations/${conversation}`)).status).toBe(200);
    expect((await chat(a.agent, { conversationId: conversation, message: '続きです' })).status).toBe(200);
    const c = await person();
    const cKey = await t.deps.db
      .selectFrom('vault_keys')
      .selectAll()
      .where('user_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(cKey.master_key_id).toBe(result.newKeyId);
  });

  it('keeps a straggler wrapped by the previous key readable, and the next rotation rewraps it', async () => {
    const files = keyRingFiles(t.config.masterKeyFile);
    const previous = readKeyFile(files.previous)!;
    const s = await createUser(t);
    // As if a server that had not noticed the swap created this key with the old master key.
    await t.deps.db
      .insertInto('vault_keys')
      .values({
        user_id: s.id,
        master_key_id: masterKeyId(previous),
        wrapped_key: wrapKey(previous, crypto.randomBytes(32), userKeyAad(s.id)),
      })
      .execute();
    const agent = await sessionFor(t, s.id);
    const note = await privateNote(agent, '古い鍵でも読める');
    expect((await agent.get(`/api/companion/notes/${note}`)).status).toBe(200);

    // Bring your own key: the operator put the new key in a file of their choice.
    const own = crypto.randomBytes(32);
    const ownFile = `${t.dataDir}/operator-new.key`;
    fs.writeFileSync(ownFile, own.toString('base64') + '\n', { mode: 0o600 });
    const result = await rotateMasterKey(t.deps, { newKeyFile: ownFile });
    expect(result.newKeyId).toBe(masterKeyId(own));
    expect(readKeyFile(files.current)!.equals(own)).toBe(true);
    const row = await t.deps.db
      .selectFrom('vault_keys')
      .selectAll()
      .where('user_id', '=', s.id)
      .executeTakeFirstOrThrow();
    expect(row.master_key_id).toBe(result.newKeyId);
    expect((await agent.get(`/api/companion/notes/${note}`)).status).toBe(200);
  });
});
