import { forwardRef, type KeyboardEvent } from 'react';
import { Button, Group, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { composerKeyAction } from './composerKeys.ts';

interface Props {
  value: string;
  onChange: (value: string) => void;
  onSend: () => void;
  onStop: () => void;
  pending: boolean;
  /** Stop was pressed; the answer is no longer shown while the request finishes. */
  stopping: boolean;
  max: number;
}

/**
 * The message box. Enter sends and Shift+Enter starts a new line; Enter that confirms a Japanese
 * IME conversion never sends. While an answer streams, the send button becomes 停止 (stop).
 */
export const Composer = forwardRef<HTMLTextAreaElement, Props>(function Composer(
  { value, onChange, onSend, onStop, pending, stopping, max },
  ref,
) {
  const { t } = useTranslation();
  const tooLong = value.length > max;
  const empty = !value.trim();

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const action = composerKeyAction(event);
    if (action !== 'send') return;
    event.preventDefault();
    if (!pending && !empty && !tooLong) onSend();
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!pending && !empty && !tooLong) onSend();
      }}
    >
      <Textarea
        ref={ref}
        label={t('companion.chat.inputLabel')}
        description={t('companion.chat.keyHint')}
        placeholder={t('companion.chat.placeholder')}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        autosize
        minRows={2}
        maxRows={10}
        error={tooLong ? t('companion.chat.tooLong', { max }) : undefined}
        enterKeyHint="send"
      />
      <Group justify="space-between" mt="xs" gap="xs" wrap="nowrap">
        <Text size="xs" c={tooLong ? 'red.7' : 'dimmed'} aria-live="polite">
          {value.length > max * 0.8 ? t('companion.chat.counter', { count: value.length, max }) : ''}
        </Text>
        {pending ? (
          <Button type="button" variant="default" color="gray" onClick={onStop} disabled={stopping}>
            {t('companion.chat.stop')}
          </Button>
        ) : (
          <Button type="submit" disabled={empty || tooLong}>
            {t('companion.chat.send')}
          </Button>
        )}
      </Group>
    </form>
  );
});
