import { describe, expect, it } from 'vitest';
import { COMPANION_LIMITS } from '@engawa/shared';
import {
  canSummarise,
  chatReducer,
  hasStarted,
  historyFor,
  initialChat,
  type ChatAction,
  type ChatState,
} from './chatState.ts';

const OPENING = '今、気になっていることを書いてみてください。';

function run(state: ChatState, ...actions: ChatAction[]): ChatState {
  return actions.reduce(chatReducer, state);
}

function sent(state: ChatState, content: string, ids = ['u1', 'a1']): ChatState {
  return run(state, { type: 'send', content, userTurnId: ids[0]!, answerTurnId: ids[1]! });
}

describe('chat state', () => {
  it('streams an answer into the turn after the message, then sends both back as history', () => {
    let s = initialChat('moyamoya', OPENING);
    s = sent(s, '最近モヤモヤしています');
    expect(s.pending).toBe(true);
    s = run(
      s,
      { type: 'event', event: { type: 'text', delta: '「最近モヤ' } },
      { type: 'event', event: { type: 'text', delta: 'モヤしています」' } },
      { type: 'event', event: { type: 'done' } },
    );
    expect(s.pending).toBe(false);
    expect(s.turns.map((t) => [t.role, t.content, t.status])).toEqual([
      ['assistant', OPENING, 'ok'],
      ['user', '最近モヤモヤしています', 'ok'],
      ['assistant', '「最近モヤモヤしています」', 'ok'],
    ]);
    expect(historyFor(s)).toEqual([
      { role: 'assistant', content: OPENING },
      { role: 'user', content: '最近モヤモヤしています' },
      { role: 'assistant', content: '「最近モヤモヤしています」' },
    ]);
    expect(hasStarted(s)).toBe(true);
    expect(canSummarise(s)).toBe(true);
  });

  it('keeps the message on a model error, shows the reason, and retries without duplicating it', () => {
    let s = sent(initialChat('free', OPENING), '相談したいことがあります');
    s = run(
      s,
      { type: 'event', event: { type: 'text', delta: '途中' } },
      {
        type: 'event',
        event: { type: 'error', code: 'companion.model_failed', message: 'AIから応答がありません' },
      },
      { type: 'event', event: { type: 'done', conversationId: 'c1' } },
    );
    expect(s.pending).toBe(false);
    expect(s.conversationId).toBe('c1');
    const user = s.turns.find((t) => t.role === 'user')!;
    expect(user).toMatchObject({ content: '相談したいことがあります', status: 'failed' });
    expect(s.error).toEqual({ message: 'AIから応答がありません', turnId: user.id });
    // The half answer is gone; the failed message is not history for anything.
    expect(s.turns).toHaveLength(2);
    expect(historyFor(s)).toEqual([{ role: 'assistant', content: OPENING }]);

    s = run(s, {
      type: 'send',
      content: user.content,
      userTurnId: 'x',
      answerTurnId: 'a2',
      retryOf: user.id,
    });
    expect(s.turns.filter((t) => t.role === 'user')).toHaveLength(1);
    expect(s.error).toBeNull();
    s = run(
      s,
      { type: 'event', event: { type: 'text', delta: 'こんどは届きました' } },
      { type: 'event', event: { type: 'done', conversationId: 'c1' } },
    );
    expect(s.turns.map((t) => t.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('a message sent again after later ones moves to the end, with everything before it as history', () => {
    let s = sent(initialChat(), '最初', ['u1', 'a1']);
    s = run(s, { type: 'fail', message: '失敗' });
    s = sent(s, '二つ目', ['u2', 'a2']);
    s = run(
      s,
      { type: 'event', event: { type: 'text', delta: '答え' } },
      { type: 'event', event: { type: 'done' } },
    );
    expect(historyFor(s, 'u1')).toEqual([
      { role: 'user', content: '二つ目' },
      { role: 'assistant', content: '答え' },
    ]);
    s = run(s, { type: 'send', content: '最初', userTurnId: 'x', answerTurnId: 'a3', retryOf: 'u1' });
    expect(s.turns.map((t) => t.content)).toEqual(['二つ目', '答え', '最初', '']);
    expect(s.turns.map((t) => t.status)).toEqual(['ok', 'ok', 'ok', 'streaming']);
  });

  it('a dropped connection (fail) keeps the message too', () => {
    let s = sent(initialChat(), 'メッセージ');
    s = run(s, { type: 'fail', message: '接続が途切れました' });
    expect(s.turns).toEqual([
      expect.objectContaining({ role: 'user', content: 'メッセージ', status: 'failed' }),
    ]);
    expect(s.error?.message).toBe('接続が途切れました');
    expect(s.pending).toBe(false);
  });

  it('stop keeps what arrived, ignores the rest, and leaves it out of the history', () => {
    let s = sent(initialChat(), 'はじめまして');
    s = run(s, { type: 'event', event: { type: 'text', delta: 'ここまで' } }, { type: 'stop' });
    expect(s.stopRequested).toBe(true);
    s = run(
      s,
      { type: 'event', event: { type: 'text', delta: 'その先' } },
      { type: 'event', event: { type: 'done', conversationId: 'kept-1' } },
    );
    const answer = s.turns.at(-1)!;
    expect(answer).toMatchObject({ content: 'ここまで', status: 'stopped' });
    expect(s.conversationId).toBe('kept-1');
    expect(s.pending).toBe(false);
    expect(historyFor(s)).toEqual([{ role: 'user', content: 'はじめまして' }]);
  });

  it('an abort after stop ends the request quietly (no failure shown)', () => {
    let s = sent(initialChat(), 'はじめまして');
    s = run(s, { type: 'stop' }, { type: 'fail', message: 'AbortError' });
    expect(s.pending).toBe(false);
    expect(s.error).toBeNull();
    expect(s.turns[0]!.status).toBe('ok');
  });

  it('shows crisis contacts on the answer they came with', () => {
    let s = sent(initialChat(), 'もう限界です');
    s = run(s, {
      type: 'event',
      event: {
        type: 'crisis',
        contacts: [{ name: '社内相談窓口', description: '', kind: 'company' }],
        publicContacts: [],
      },
    });
    expect(s.turns.at(-1)!.crisis?.contacts[0]!.name).toBe('社内相談窓口');
  });

  it('lets the mode change only before the first message', () => {
    let s = run(initialChat('free', 'A'), { type: 'mode', mode: 'direction', opening: 'Will?' });
    expect(s.mode).toBe('direction');
    expect(s.turns.map((t) => t.content)).toEqual(['Will?']);
    s = sent(s, 'やりたいこと');
    s = run(s, { type: 'event', event: { type: 'done' } }, { type: 'mode', mode: 'learning', opening: 'x' });
    expect(s.mode).toBe('direction');
  });

  it('ignores a second send while one is in flight', () => {
    const s = sent(initialChat(), '1');
    expect(run(s, { type: 'send', content: '2', userTurnId: 'u2', answerTurnId: 'a2' })).toBe(s);
  });

  it('sends back only the newest turns that fit the server limits', () => {
    let s = initialChat();
    for (let i = 0; i < 30; i++) {
      s = sent(s, `質問${i}`, [`u${i}`, `a${i}`]);
      s = run(
        s,
        { type: 'event', event: { type: 'text', delta: `答え${i}` } },
        { type: 'event', event: { type: 'done' } },
      );
    }
    const history = historyFor(s);
    expect(history).toHaveLength(COMPANION_LIMITS.historyMaxMessages);
    expect(history.at(-1)).toEqual({ role: 'assistant', content: '答え29' });

    const big = 'あ'.repeat(COMPANION_LIMITS.historyMessageMax + 10);
    let b = sent(initialChat(), big);
    b = run(
      b,
      { type: 'event', event: { type: 'text', delta: 'ok' } },
      { type: 'event', event: { type: 'done' } },
    );
    const clipped = historyFor(b);
    expect(clipped[0]!.content.length).toBe(COMPANION_LIMITS.historyMessageMax);
    expect(clipped.reduce((n, m) => n + m.content.length, 0)).toBeLessThanOrEqual(
      COMPANION_LIMITS.historyMaxChars,
    );
  });

  it('never cuts an emoji in half when clipping', () => {
    const text = 'a'.repeat(COMPANION_LIMITS.historyMessageMax - 1) + '🌱';
    let s = sent(initialChat(), text);
    s = run(
      s,
      { type: 'event', event: { type: 'text', delta: 'ok' } },
      { type: 'event', event: { type: 'done' } },
    );
    const content = historyFor(s)[0]!.content;
    expect(content.length).toBe(COMPANION_LIMITS.historyMessageMax - 1);
    expect(content.endsWith('a')).toBe(true);
  });

  it('loads a kept conversation from the server as its turns', () => {
    const s = chatReducer(initialChat(), {
      type: 'load',
      conversation: {
        id: 'k1',
        mode: 'oneonone',
        retention: '90',
        messages: [
          { role: 'user', content: 'テーマ' },
          { role: 'assistant', content: '質問' },
        ],
      },
    });
    expect(s).toMatchObject({ conversationId: 'k1', mode: 'oneonone', retention: '90', pending: false });
    expect(s.turns.map((t) => t.content)).toEqual(['テーマ', '質問']);
  });
});
