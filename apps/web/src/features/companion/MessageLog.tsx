import { Alert, Box, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChatState, Turn } from './chatState.ts';
import { CrisisPanel } from './CrisisPanel.tsx';
import { Markdown } from './Markdown.tsx';

interface Props {
  state: ChatState;
  onRetry: (turn: Turn) => void;
  onEditAgain: (turn: Turn) => void;
}

function UserTurn({ turn, state, onRetry, onEditAgain }: { turn: Turn } & Props) {
  const { t } = useTranslation();
  const failed = turn.status === 'failed';
  return (
    <Stack gap={4} align="flex-end">
      <Text size="xs" c="dimmed">
        {t('companion.chat.you')}
      </Text>
      <Paper
        px="md"
        py="xs"
        radius="lg"
        bg="teal.0"
        maw="min(640px, 92%)"
        style={failed ? { border: '1px solid var(--mantine-color-orange-5)' } : undefined}
      >
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{turn.content}</Text>
      </Paper>
      {failed ? (
        <Alert
          color="orange"
          variant="light"
          role="alert"
          maw="min(640px, 100%)"
          title={t('companion.chat.failed')}
        >
          <Stack gap="xs" align="flex-start">
            {state.error?.turnId === turn.id ? <Text size="sm">{state.error.message}</Text> : null}
            <Group gap="xs">
              <Button size="xs" onClick={() => onRetry(turn)} disabled={state.pending}>
                {t('companion.chat.retry')}
              </Button>
              <Button size="xs" variant="default" onClick={() => onEditAgain(turn)} disabled={state.pending}>
                {t('companion.chat.editAgain')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}

function AssistantTurn({ turn }: { turn: Turn }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} align="stretch">
      {turn.crisis ? <CrisisPanel crisis={turn.crisis} /> : null}
      <Stack gap={4} align="flex-start">
        <Text size="xs" c="dimmed">
          {t('companion.chat.companion')}
        </Text>
        <Paper px="md" py="xs" radius="lg" withBorder maw="min(680px, 96%)">
          {turn.content ? (
            <Markdown source={turn.content} size="md" headingOffset={2} />
          ) : turn.status !== 'streaming' ? null : (
            <Group gap="xs" role="status">
              <Loader size="xs" type="dots" aria-hidden />
              <Text size="sm" c="dimmed">
                {t('companion.chat.thinking')}
              </Text>
            </Group>
          )}
          {turn.tools?.map((tool, i) => (
            <Text key={i} size="xs" c={tool.ok ? 'teal.8' : 'orange.8'} mt={4}>
              {tool.summary} {tool.ok ? '' : t('companion.chat.toolFailed')}
            </Text>
          ))}
          {turn.status === 'stopped' ? (
            <Text size="xs" c="dimmed" mt={4}>
              {t('companion.chat.stopped')}
            </Text>
          ) : null}
        </Paper>
      </Stack>
    </Stack>
  );
}

/**
 * The conversation: the opening question, the user's messages (right) and the answers (left) as
 * they stream in. A message that got no answer stays, with the reason and a retry. The log is
 * `aria-busy` while an answer streams so screen readers read it once it is complete.
 */
export function MessageLog(props: Props) {
  const { t } = useTranslation();
  const { state } = props;
  return (
    <Box role="log" aria-label={t('companion.chat.logLabel')} aria-busy={state.pending}>
      <Stack gap="md">
        {state.turns.map((turn) =>
          turn.role === 'user' ? (
            <UserTurn key={turn.id} turn={turn} {...props} />
          ) : (
            <AssistantTurn key={turn.id} turn={turn} />
          ),
        )}
      </Stack>
    </Box>
  );
}
