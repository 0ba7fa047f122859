import { describe, expect, it } from 'vitest';
import { ja, en, catalogKeys, translate } from './index.ts';
import { ERROR_CODES, FIELD_ISSUE_CODES } from '../errors.ts';

describe('i18n catalogs', () => {
  it('en has exactly the keys of ja (the source catalog), none empty', () => {
    const jaKeys = catalogKeys(ja).sort();
    const enKeys = catalogKeys(en).sort();
    expect(enKeys).toEqual(jaKeys);
    for (const k of jaKeys) {
      expect(translate('ja', k), k).not.toBe('');
      expect(translate('en', k), k).not.toBe('');
    }
  });

  it('every error code and field issue code has ja and en text', () => {
    for (const code of ERROR_CODES) {
      expect(translate('ja', `errors.${code}`), code).not.toBe(`errors.${code}`);
      expect(translate('en', `errors.${code}`), code).not.toBe(`errors.${code}`);
    }
    for (const code of FIELD_ISSUE_CODES) {
      expect(translate('ja', `errors.field.${code}`)).not.toBe(`errors.field.${code}`);
    }
  });

  it('interpolates variables and leaves unknown keys visible', () => {
    expect(translate('ja', 'errors.auth.locked', { minutes: 15 })).toContain('15分後');
    expect(translate('en', 'errors.auth.locked', { minutes: 15 })).toContain('15 minutes');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });
});
