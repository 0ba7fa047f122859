import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Agent, TestApp } from '../../test/harness.ts';
import type { ChatEvent } from './chat.ts';

/** Test helpers for the companion (used by its tests and its authorization-matrix rows). */

/** Parses a `text/event-stream` body into its `data:` JSON events. */
export function parseSse(body: string): ChatEvent[] {
  return body
    .split('\n\n')
    .map((block) => block.trim())
    .filter((block) => block.startsWith('data: '))
    .map((block) => JSON.parse(block.slice('data: '.length)) as ChatEvent);
}

/** Sends one chat message and returns the status, events, answer text and conversation id. */
export async function chat(agent: Agent, body: Record<string, unknown>) {
  const res = await agent.post('/api/companion/chat', body);
  const events = res.status === 200 ? parseSse(res.body) : [];
  const done = events.find((e) => e.type === 'done');
  return {
    status: res.status,
    res,
    events,
    text: events.map((e) => (e.type === 'text' ? e.delta : '')).join(''),
    conversationId: done && done.type === 'done' ? done.conversationId : undefined,
  };
}

/** Creates a kept conversation for the agent's user; returns its id. */
export async function keptConversation(
  agent: Agent,
  message = 'テストの相談です',
  retention = '30',
): Promise<string> {
  const r = await chat(agent, { message, retention, mode: 'direction' });
  if (!r.conversationId) throw new Error(`could not create a conversation: ${r.status} ${r.res.body}`);
  return r.conversationId;
}

/** Creates a private note for the agent's user; returns its id. */
export async function privateNote(agent: Agent, body = 'テストのメモ'): Promise<string> {
  const res = await agent.post('/api/companion/notes', { body });
  if (res.status !== 201) throw new Error(`could not create a note: ${res.status} ${res.body}`);
  return (res.json() as { id: string }).id;
}

/**
 * Every row of every table as text (both dialects): what a database operator or a backup holds.
 * Binary values are shown both as UTF-8 and Latin-1 so no encoding hides plaintext.
 */
export async function dumpDatabase(t: TestApp): Promise<string> {
  const tables = await t.deps.db.introspection.getTables();
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(
      t.deps.db,
    );
    for (const row of rows.rows) {
      for (const v of Object.values(row)) {
        if (Buffer.isBuffer(v)) parts.push(v.toString('utf8'), v.toString('latin1'));
        else parts.push(typeof v === 'string' ? v : JSON.stringify(v));
      }
    }
  }
  return parts.join('\n');
}

/** The bytes of every file under the data dir (SQLite file, -wal, -shm, keys, uploads…). */
export function dataDirFiles(t: TestApp): Array<{ file: string; bytes: Buffer }> {
  const out: Array<{ file: string; bytes: Buffer }> = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) out.push({ file: full, bytes: fs.readFileSync(full) });
    }
  };
  walk(t.dataDir);
  return out;
}

/** Where `needle` occurs in plain bytes (UTF-8, UTF-16LE) of the data dir; empty when nowhere. */
export function filesContaining(t: TestApp, needle: string): string[] {
  const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  return dataDirFiles(t)
    .filter(({ bytes }) => forms.some((f) => bytes.includes(f)))
    .map(({ file }) => file);
}
