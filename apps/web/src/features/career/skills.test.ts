import { describe, expect, it } from 'vitest';
import { parseSkillList, skillInput } from './skills.ts';

describe('parseSkillList', () => {
  it('splits Japanese and English separators and drops blanks', () => {
    expect(parseSkillList('RAG、LLM, SQL; Figma ／ Excel|  ')).toEqual([
      { name: 'RAG' },
      { name: 'LLM' },
      { name: 'SQL' },
      { name: 'Figma' },
      { name: 'Excel' },
    ]);
  });

  it('gives nothing for an empty box', () => {
    expect(parseSkillList('  、 ,')).toEqual([]);
  });
});

describe('skillInput', () => {
  it('names catalog skills by id and free entries by name', () => {
    expect(skillInput({ id: 'sql', name: 'SQL' })).toEqual({ id: 'sql' });
    expect(skillInput({ id: null, name: 'Figma' })).toEqual({ name: 'Figma' });
  });
});
