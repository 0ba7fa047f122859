import { createTheme } from '@mantine/core';

/** Japanese-first font stack from fonts already on the machine (no web font download; CSP-friendly). */
export const FONT_STACK =
  '"Noto Sans JP", "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic UI", "Yu Gothic", Meiryo, system-ui, sans-serif';

/** The Mantine theme: calm wood-and-garden colours of an engawa, readable Japanese line height. */
export const theme = createTheme({
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK, fontWeight: '700' },
  primaryColor: 'teal',
  defaultRadius: 'md',
  lineHeights: { md: '1.7' },
});
