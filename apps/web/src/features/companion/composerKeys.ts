import { isImeEnter, type ImeKeyEvent } from '../../components/ime.ts';

/** What a key press in the message box does. */
export type ComposerKeyAction = 'send' | 'newline' | 'none';

/**
 * Enter sends, Shift+Enter starts a new line, and Enter that only confirms a Japanese IME
 * conversion (変換の確定: `isComposing`, or keyCode 229 on Safari) never sends. Ctrl/⌘+Enter also
 * sends, for people used to chat tools where Enter is a new line.
 */
export function composerKeyAction(
  event: ImeKeyEvent & { shiftKey?: boolean; altKey?: boolean; ctrlKey?: boolean; metaKey?: boolean },
): ComposerKeyAction {
  if (event.key !== 'Enter') return 'none';
  if (isImeEnter(event)) return 'none';
  if (event.shiftKey || event.altKey) return 'newline';
  return 'send';
}
