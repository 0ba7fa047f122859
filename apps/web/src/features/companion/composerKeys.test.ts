import { describe, expect, it } from 'vitest';
import { composerKeyAction } from './composerKeys.ts';

describe('message box keys', () => {
  it('sends on Enter', () => {
    expect(composerKeyAction({ key: 'Enter', keyCode: 13, nativeEvent: { isComposing: false } })).toBe(
      'send',
    );
    expect(composerKeyAction({ key: 'Enter', ctrlKey: true })).toBe('send');
    expect(composerKeyAction({ key: 'Enter', metaKey: true })).toBe('send');
  });

  it('never sends on the Enter that confirms an IME conversion', () => {
    // Chrome / Firefox: isComposing on the native event.
    expect(composerKeyAction({ key: 'Enter', keyCode: 13, nativeEvent: { isComposing: true } })).toBe('none');
    // Safari: only keyCode 229 on that keydown.
    expect(composerKeyAction({ key: 'Enter', keyCode: 229 })).toBe('none');
    expect(composerKeyAction({ key: 'Enter', nativeEvent: { keyCode: 229 } })).toBe('none');
    // Even with Shift held, a composing Enter belongs to the IME.
    expect(composerKeyAction({ key: 'Enter', shiftKey: true, nativeEvent: { isComposing: true } })).toBe(
      'none',
    );
  });

  it('keeps Shift+Enter (and Alt+Enter) for a new line', () => {
    expect(composerKeyAction({ key: 'Enter', shiftKey: true })).toBe('newline');
    expect(composerKeyAction({ key: 'Enter', altKey: true })).toBe('newline');
  });

  it('ignores other keys', () => {
    expect(composerKeyAction({ key: 'a' })).toBe('none');
    expect(composerKeyAction({ key: 'Process', keyCode: 229 })).toBe('none');
  });
});
