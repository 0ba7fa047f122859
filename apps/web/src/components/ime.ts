/** The parts of a keyboard event that tell whether Enter is confirming an IME conversion. */
export interface ImeKeyEvent {
  key: string;
  keyCode?: number;
  nativeEvent?: { isComposing?: boolean; keyCode?: number };
  isComposing?: boolean;
}

/**
 * True when Enter only confirms Japanese input (変換の確定), which must never submit a form.
 * Chrome and Firefox set `isComposing`; Safari only reports keyCode 229 for that keydown.
 */
export function isImeEnter(event: ImeKeyEvent): boolean {
  if (event.key !== 'Enter' && event.key !== 'Process') return false;
  return (
    event.isComposing === true ||
    event.nativeEvent?.isComposing === true ||
    event.keyCode === 229 ||
    event.nativeEvent?.keyCode === 229
  );
}

/**
 * Put on a `<form onKeyDown>`: cancels the implicit submit of an IME-confirming Enter while
 * leaving a real Enter alone. Works for every input inside the form because keydown bubbles.
 */
export function preventImeSubmit(event: ImeKeyEvent & { preventDefault: () => void }): void {
  if (isImeEnter(event)) event.preventDefault();
}
