import { describe, expect, it } from 'vitest';
import { detectCrisis } from './crisis.ts';

describe('crisis detection', () => {
  it.each([
    // harassment
    '上司のパワハラがひどいです',
    'セクハラのような発言をされた',
    '職場でいじめにあっている',
    '毎日怒鳴られています',
    'ハラスメントかもしれない',
    // self-harm
    'もう死にたい',
    '消えたいと思うことがある',
    '自殺を考えてしまう',
    '生きているのがつらい',
    'しに たい', // spaced
    // overwork
    '過労で倒れそう',
    '最近ずっと眠れない',
    '休めない日が続いている',
    '残業が月１００時間を超えた', // full-width digits
    'もう限界です',
    // English
    'My manager keeps harassing me',
    'I am being bullied at work',
    'Sometimes I want to die',
    'I have thought about suicide',
    "I can't sleep because of work",
    'I’m completely burned out', // curly apostrophe
    'I feel overworked and exhausted',
  ])('matches %s', (text) => {
    expect(detectCrisis(text)).toBe(true);
  });

  it.each([
    '来期の目標を考えたい',
    '1on1で相談したいことがある',
    '限界利益の計算を学びたい',
    'うつくしい資料を作りたい',
    'I want to learn SQL this year',
    'Our bus route changed',
    'I would like to discuss my career direction',
  ])('does not match %s', (text) => {
    expect(detectCrisis(text)).toBe(false);
  });
});
