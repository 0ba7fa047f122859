import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { issuesByPath, unplacedError } from './issues.ts';
import { stepFor } from './publishSteps.ts';

describe('composer issues', () => {
  const validation = new ApiError(400, 'common.validation', '入力内容を確認してください。', [
    { field: 'fields.goal', code: 'required', message: '必須です' },
    { field: 'fields.prompt', code: 'required', message: '必須です' },
    { field: 'title', code: 'required', message: '必須です' },
  ]);

  it('keeps each structured field on its own input', () => {
    expect(issuesByPath(validation)).toEqual({
      'fields.goal': '必須です',
      'fields.prompt': '必須です',
      title: '必須です',
    });
  });

  it('shows a form-level message only for issues without an input', () => {
    expect(unplacedError(validation, ['title', 'fields.goal', 'fields.prompt'], 'x')).toBeNull();
    expect(unplacedError(validation, ['title'], 'x')).toBe('入力内容を確認してください。');
    const refused = new ApiError(403, 'community.announcement_organizers_only', 'お知らせは運営者だけ');
    expect(unplacedError(refused, ['title'], 'x')).toBe('お知らせは運営者だけ');
    expect(unplacedError(null, [], 'x')).toBeNull();
  });

  it('turns the server refusals before a first post into the matching dialog', () => {
    const err = (code: ConstructorParameters<typeof ApiError>[1]) => new ApiError(400, code, 'm');
    expect(stepFor(err('community.code_of_conduct_ack_required'), false)).toBe('conduct');
    expect(stepFor(err('community.rules_ack_required'), false)).toBe('rules');
    expect(stepFor(err('community.membership_required'), true)).toBe('join');
    // A private community cannot be joined from here: the error is shown as it is.
    expect(stepFor(err('community.membership_required'), false)).toBeNull();
    expect(stepFor(err('common.validation'), true)).toBeNull();
    expect(stepFor(new Error('x'), true)).toBeNull();
  });
});
