import { describe, expect, it } from 'vitest';
import { isImeEnter, preventImeSubmit } from './ime.ts';

describe('IME-safe Enter', () => {
  it('treats Enter during composition as confirming the conversion, not submitting', () => {
    expect(isImeEnter({ key: 'Enter', nativeEvent: { isComposing: true } })).toBe(true);
    expect(isImeEnter({ key: 'Enter', keyCode: 229 })).toBe(true);
    expect(isImeEnter({ key: 'Process', nativeEvent: { keyCode: 229 } })).toBe(true);
  });

  it('lets a plain Enter and other keys through', () => {
    expect(isImeEnter({ key: 'Enter', keyCode: 13, nativeEvent: { isComposing: false } })).toBe(false);
    expect(isImeEnter({ key: 'a', nativeEvent: { isComposing: true } })).toBe(false);
  });

  it('cancels the default action only for the composing Enter', () => {
    let prevented = 0;
    const preventDefault = () => {
      prevented += 1;
    };
    preventImeSubmit({ key: 'Enter', nativeEvent: { isComposing: true }, preventDefault });
    expect(prevented).toBe(1);
    preventImeSubmit({ key: 'Enter', keyCode: 13, preventDefault });
    expect(prevented).toBe(1);
  });
});
