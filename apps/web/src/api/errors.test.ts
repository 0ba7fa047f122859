import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage, fieldErrors, formError, toApiError } from './errors.ts';

describe('API error mapping', () => {
  it('keeps the server code, message and field issues', () => {
    const error = toApiError(
      400,
      {
        error: {
          code: 'common.validation',
          message: '入力内容を確認してください。',
          fields: [
            { field: 'email', code: 'invalid_email', message: 'メールアドレスの形式が正しくありません' },
            { field: 'roles.1', code: 'invalid_value', message: '値が正しくありません' },
            { field: 'email', code: 'too_long', message: '長すぎます' },
          ],
        },
      },
      'fallback',
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('common.validation');
    expect(error.status).toBe(400);
    expect(error.message).toBe('入力内容を確認してください。');
    expect(fieldErrors(error)).toEqual({
      email: 'メールアドレスの形式が正しくありません',
      roles: '値が正しくありません',
    });
  });

  it('carries retryAfterSeconds of a lockout', () => {
    const error = toApiError(
      423,
      { error: { code: 'auth.locked', message: 'ロックされています', retryAfterSeconds: 900 } },
      'x',
    );
    expect(error.retryAfterSeconds).toBe(900);
  });

  it('turns a non-Engawa body (proxy page, empty 502) into a typed error with the fallback text', () => {
    const error = toApiError(502, '<html>Bad gateway</html>', '問題が発生しました。');
    expect(error.code).toBe('common.internal');
    expect(error.message).toBe('問題が発生しました。');
    expect(toApiError(401, null, 'x').code).toBe('common.unauthenticated');
    expect(toApiError(413, null, 'x').code).toBe('common.payload_too_large');
  });

  it('puts the full message of a specific one-field error on that field', () => {
    const taken = new ApiError(409, 'identity.email_taken', 'このメールアドレスは既に使われています。', [
      { field: 'email', code: 'taken', message: '既に使われています' },
    ]);
    expect(fieldErrors(taken)).toEqual({ email: 'このメールアドレスは既に使われています。' });
  });

  it('shows a form-level message only when some issue has no input to sit beside', () => {
    const onEmail = new ApiError(409, 'identity.email_taken', '既に使われています。', [
      { field: 'email', code: 'taken' },
    ]);
    expect(formError(onEmail, ['email', 'name'], 'fallback')).toBeNull();
    expect(formError(onEmail, ['name'], 'fallback')).toBe('既に使われています。');
    const lastAdmin = new ApiError(400, 'identity.last_admin', '最後の管理者です。');
    expect(formError(lastAdmin, ['roles'], 'fallback')).toBe('最後の管理者です。');
    expect(formError(new Error('boom'), [], 'fallback')).toBe('fallback');
    expect(formError(null, [], 'fallback')).toBeNull();
    expect(errorMessage(undefined, 'fallback')).toBe('fallback');
    expect(fieldErrors(new Error('x'))).toEqual({});
  });
});
