import { Text, type TextProps } from '@mantine/core';
import { useFormat } from '../format.ts';

/** A time as "3分前" with the full date and time on hover and for screen readers' <time>. */
export function Time({ iso, ...props }: { iso: string } & TextProps) {
  const f = useFormat();
  return (
    <Text component="time" dateTime={iso} title={f.full(iso)} size="xs" c="dimmed" {...props}>
      {f.relative(iso)}
    </Text>
  );
}
