import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, sessionFor, type Agent, type TestApp } from '../../test/harness.ts';
import { chat, keptConversation, parseSse } from './testing.ts';

let t: TestApp;
let owner: Agent;
beforeAll(async () => {
  t = await createTestApp();
  owner = await sessionFor(t, (await createUser(t, { name: '相談 花子' })).id);
});
afterAll(async () => t.close());

describe('companion intro', () => {
  it('tells what the AI is for and not for, the privacy promise, modes, retention and engine', async () => {
    const res = await owner.get('/api/companion/intro');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json() as {
      texts: { what: string; notFor: string; privacy: string[] };
      modes: Array<{ id: string; nameKey: string }>;
      retentionOptions: Array<{ value: string; days: number | null }>;
      defaultRetention: string;
      engine: string;
      aiPolicy: { ja: string | null };
    };
    expect(body.texts.what).toBe('companion.intro.what');
    expect(body.texts.privacy).toContain('companion.privacy.nobodyCanRead');
    expect(body.texts.privacy).toContain('companion.privacy.usageNotRecorded');
    expect(body.modes.map((m) => m.id)).toEqual([
      'free',
      'moyamoya',
      'strengths',
      'oneonone',
      'direction',
      'learning',
    ]);
    expect(body.retentionOptions.map((r) => [r.value, r.days])).toEqual([
      ['ephemeral', 0],
      ['30', 30],
      ['90', 90],
      ['365', 365],
      ['forever', null],
    ]);
    expect(body.defaultRetention).toBe('ephemeral');
    expect(body.engine).toBe('offline');
    expect(body.aiPolicy.ja).toBeNull();
  });

  it('shows the AI policy and contacts hr set, to everyone signed in; only hr may set them', async () => {
    const hr = await sessionFor(t, (await createUser(t, { roles: ['hr'] })).id);
    const admin = await sessionFor(t, (await createUser(t, { roles: ['admin'] })).id);
    const settings = {
      aiPolicyJa: '当社のAIは相談相手です。評価には使いません。',
      aiPolicyEn: 'Our AI is a sounding board. It is never used for evaluation.',
      crisisContacts: [
        {
          name: '社内相談窓口',
          description: '人事部とは別の窓口です',
          phone: '03-1234-5678',
          hours: '平日9-18時',
        },
      ],
    };
    expect((await admin.put('/api/companion/settings', settings)).status).toBe(403);
    expect((await owner.put('/api/companion/settings', settings)).status).toBe(403);
    const put = await hr.put('/api/companion/settings', settings);
    expect(put.status).toBe(200);
    expect((await hr.get('/api/companion/settings')).json()).toMatchObject({
      aiPolicyJa: settings.aiPolicyJa,
    });
    const intro = (await owner.get('/api/companion/intro')).json() as {
      aiPolicy: { ja: string; en: string };
      crisisContacts: Array<{ name: string; kind: string }>;
    };
    expect(intro.aiPolicy.ja).toBe(settings.aiPolicyJa);
    expect(intro.crisisContacts).toEqual([
      expect.objectContaining({ name: '社内相談窓口', kind: 'company' }),
    ]);
  });

  it('names the field when a contact is invalid', async () => {
    const hr = await sessionFor(t, (await createUser(t, { roles: ['hr'] })).id);
    const res = await hr.put('/api/companion/settings', {
      aiPolicyJa: null,
      aiPolicyEn: null,
      crisisContacts: [{ name: '窓口', url: 'javascript:alert(1)' }],
    });
    expect(res.status).toBe(400);
    expect((res.json() as { error: { fields: Array<{ field: string }> } }).error.fields[0]?.field).toBe(
      'crisisContacts.0.url',
    );
  });
});

describe('chat with the offline engine', () => {
  it('streams an answer as Server-Sent Events that quotes the user and asks the next question', async () => {
    const r = await chat(owner, {
      message: '最近、仕事の優先順位が決められずに悩んでいます。',
      mode: 'moyamoya',
    });
    expect(r.status).toBe(200);
    expect(String(r.res.headers['content-type'])).toContain('text/event-stream');
    expect(r.events.filter((e) => e.type === 'text').length).toBeGreaterThan(5);
    expect(r.text).toContain('「最近、仕事の優先順位が決められずに悩んでいます」');
    expect(r.text).toContain('いつ頃から');
    expect(r.events.at(-1)).toEqual({ type: 'done' });
    expect(r.conversationId).toBeUndefined();
  });

  it('advances the flow by the turns the client sends back (ephemeral)', async () => {
    const history = [
      { role: 'user', content: 'マネージャーを目指したい' },
      { role: 'assistant', content: '...' },
    ];
    const r = await chat(owner, { message: '調整役が得意です', mode: 'direction', history });
    expect(r.text).toContain('Must');
  });

  it('keeps a conversation when asked, with the user message stored before the answer', async () => {
    const id = await keptConversation(owner, '将来はデータ分析の仕事をしたい');
    const r = await chat(owner, { conversationId: id, message: 'SQLとPythonが書けます' });
    expect(r.conversationId).toBe(id);
    const conv = (await owner.get(`/api/companion/conversations/${id}`)).json() as {
      title: string;
      mode: string;
      retention: string;
      messages: Array<{ role: string; content: string }>;
    };
    expect(conv.title).toBe('将来はデータ分析の仕事をしたい');
    expect(conv.mode).toBe('direction');
    expect(conv.retention).toBe('30');
    expect(conv.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(conv.messages[2]?.content).toBe('SQLとPythonが書けます');
  });

  it('rejects an empty or oversized message and an oversized history, naming the field', async () => {
    const empty = await owner.post('/api/companion/chat', { message: '   ' });
    expect(empty.status).toBe(400);
    expect((empty.json() as { error: { fields: Array<{ field: string }> } }).error.fields[0]?.field).toBe(
      'message',
    );
    const big = await owner.post('/api/companion/chat', { message: 'あ'.repeat(4001) });
    expect(big.status).toBe(400);
    const history = Array.from({ length: 20 }, () => ({ role: 'user', content: 'い'.repeat(4000) }));
    const tooMuch = await owner.post('/api/companion/chat', { message: 'こんにちは', history });
    expect(tooMuch.status).toBe(413);
    expect((tooMuch.json() as { error: { code: string } }).error.code).toBe('companion.history_too_large');
  });

  it('parses the stream helper correctly', () => {
    expect(parseSse('data: {"type":"done"}\n\n')).toEqual([{ type: 'done' }]);
  });
});
