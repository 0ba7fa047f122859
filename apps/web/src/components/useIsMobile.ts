import { useMediaQuery } from '@mantine/hooks';

/**
 * True below Mantine's `sm` breakpoint (48em, phones): where the navigation folds into the burger
 * and wide tables become lists.
 */
export function useIsMobile(): boolean {
  return !!useMediaQuery('(max-width: 47.99em)');
}
