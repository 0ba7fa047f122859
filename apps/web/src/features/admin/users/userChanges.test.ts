import { describe, expect, it } from 'vitest';
import { userChanges, type UserDraft } from './userChanges.ts';

const base: UserDraft = {
  name: '山田 太郎',
  email: 'taro@example.com',
  nameKana: '',
  nameEn: '',
  title: '',
  departmentId: 'd1',
  roles: ['hr', 'admin'],
  disabled: false,
  password: '',
};

describe('user edit changes', () => {
  it('sends nothing when nothing changed (roles in another order are the same roles)', () => {
    expect(userChanges(base, { ...base, roles: ['admin', 'hr'], name: ' 山田 太郎 ' })).toEqual({});
  });

  it('sends only the changed fields', () => {
    expect(
      userChanges(base, { ...base, title: '課長', departmentId: null, roles: ['hr'], disabled: true }),
    ).toEqual({ title: '課長', departmentId: null, roles: ['hr'], disabled: true });
  });

  it('sends a cleared optional field as an empty string (the server stores none)', () => {
    expect(userChanges({ ...base, nameEn: 'Taro' }, base)).toEqual({ nameEn: '' });
  });
});
