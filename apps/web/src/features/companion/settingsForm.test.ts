import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { EMPTY_CONTACT, settingsFieldErrors, toDraft, toSettingsBody } from './settingsForm.ts';

describe('companion settings form', () => {
  it('round-trips the saved settings', () => {
    const saved = {
      aiPolicyJa: 'AIは相談相手です。',
      aiPolicyEn: null,
      crisisContacts: [{ name: '社内相談窓口', description: '匿名で相談できます', phone: '0120-000-000' }],
    };
    expect(toSettingsBody(toDraft(saved))).toEqual(saved);
  });

  it('turns empty texts into "not set", leaves out empty optional fields and blank contacts', () => {
    const body = toSettingsBody({
      aiPolicyJa: '  ',
      aiPolicyEn: ' Use it to think. ',
      contacts: [
        { ...EMPTY_CONTACT, name: ' EAP ', url: ' https://eap.example ' },
        { ...EMPTY_CONTACT },
        { ...EMPTY_CONTACT, name: '窓口', hours: '平日 9:00〜18:00' },
      ],
    });
    expect(body).toEqual({
      aiPolicyJa: null,
      aiPolicyEn: 'Use it to think.',
      crisisContacts: [
        { name: 'EAP', description: '', url: 'https://eap.example' },
        { name: '窓口', description: '', hours: '平日 9:00〜18:00' },
      ],
    });
  });

  it('puts a server field error on the contact the person typed, even after blank ones were dropped', () => {
    const draft = {
      aiPolicyJa: '',
      aiPolicyEn: '',
      contacts: [{ ...EMPTY_CONTACT }, { ...EMPTY_CONTACT, name: '窓口', url: 'ftp://x' }],
    };
    const error = new ApiError(400, 'common.validation', '入力内容を確認してください', [
      { field: 'crisisContacts.0.url', code: 'invalid_format', message: '形式が正しくありません' },
      { field: 'aiPolicyJa', code: 'too_long', message: '長すぎます' },
    ]);
    expect(settingsFieldErrors(error, draft)).toEqual({
      'contacts.1.url': '形式が正しくありません',
      aiPolicyJa: '長すぎます',
    });
    expect(settingsFieldErrors(new Error('x'), draft)).toEqual({});
  });
});
