import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Chip,
  Collapse,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  COMPANION_MODE_IDS,
  COMPANION_RETENTIONS,
  type CompanionModeId,
  type CompanionRetention,
} from '@engawa/shared';
import { api } from '../../api/client.ts';
import { ApiError, errorMessage } from '../../api/errors.ts';
import { useMe } from '../../api/session.ts';
import { ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { currentLocale } from '../../i18n/index.ts';
import {
  sendChat,
  useCompanionKeys,
  useConversation,
  useIntro,
  type ChatRequest,
  type CompanionIntro,
  type Conversation,
  type Summary,
} from './api.ts';
import {
  canSummarise,
  chatReducer,
  hasStarted,
  historyFor,
  initialChat,
  turnId,
  type ChatState,
  type Turn,
} from './chatState.ts';
import { Composer } from './Composer.tsx';
import { ConversationBar } from './ConversationBar.tsx';
import { IntroPanel, PrivacyPromise } from './IntroPanel.tsx';
import { Markdown } from './Markdown.tsx';
import { MessageLog } from './MessageLog.tsx';
import { SummaryPanel } from './SummaryPanel.tsx';
import { formatDateTime } from './format.ts';

function isRetention(value: string): value is CompanionRetention {
  return (COMPANION_RETENTIONS as readonly string[]).includes(value);
}

function isMode(value: string): value is CompanionModeId {
  return (COMPANION_MODE_IDS as readonly string[]).includes(value);
}

/** Keeps the newest text in view while an answer streams, unless the reader scrolled up. */
function useFollowBottom(dependency: unknown) {
  useEffect(() => {
    const doc = document.documentElement;
    if (doc.scrollHeight - (window.scrollY + window.innerHeight) < 240) {
      window.scrollTo({ top: doc.scrollHeight });
    }
  }, [dependency]);
}

interface ChatPageProps {
  intro: CompanionIntro;
  /** A kept conversation to continue (already loaded), or null for a new one. */
  initial: Conversation | null;
  /** Called once the server has created a kept conversation for this chat. */
  onAdopt: (id: string) => void;
}

function ChatPage({ intro, initial, onAdopt }: ChatPageProps) {
  const { t } = useTranslation();
  const me = useMe();
  const keys = useCompanionKeys();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [state, dispatch] = useReducer(chatReducer, null, (): ChatState => {
    if (!initial) return initialChat('free', t('companion.modes.free.opening'), intro.defaultRetention);
    return chatReducer(initialChat(), {
      type: 'load',
      conversation: {
        id: initial.id,
        mode: initial.mode,
        retention: initial.retention,
        messages: initial.messages,
      },
    });
  });
  const [draft, setDraft] = useState('');
  const [aboutOpen, setAboutOpen] = useState(!initial);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [confirmNew, setConfirmNew] = useState(false);
  const abortRef = useRef<AbortController | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const kept = useConversation(state.conversationId);
  const started = hasStarted(state);

  useFollowBottom(state.turns);
  // Leaving the page stops an answer that is still streaming.
  useEffect(() => () => abortRef.current?.abort(), []);

  const send = useCallback(
    async (content: string, retryOf?: string) => {
      const message = content.trim();
      if (!message || state.pending) return;
      const body: ChatRequest = state.conversationId
        ? { message, conversationId: state.conversationId }
        : {
            message,
            mode: state.mode,
            retention: state.retention,
            history: historyFor(state, retryOf),
          };
      dispatch({ type: 'send', content: message, userTurnId: turnId(), answerTurnId: turnId(), retryOf });
      setAboutOpen(false);
      const controller = new AbortController();
      abortRef.current = controller;
      try {
        const finished = await sendChat(body, controller.signal, (event) => {
          dispatch({ type: 'event', event });
          if (event.type === 'done' && event.conversationId && !body.conversationId) {
            void queryClient.invalidateQueries({ queryKey: keys.conversations });
            onAdopt(event.conversationId);
          } else if (event.type === 'done' && body.conversationId) {
            void queryClient.invalidateQueries({ queryKey: keys.conversations });
          }
        });
        if (!finished) dispatch({ type: 'fail', message: t('companion.chat.interrupted') });
      } catch (error) {
        dispatch({ type: 'fail', message: errorMessage(error, t('errors.common.internal')) });
      } finally {
        if (abortRef.current === controller) abortRef.current = null;
      }
    },
    [state, queryClient, keys.conversations, onAdopt, t],
  );

  const onSend = () => {
    const message = draft;
    setDraft('');
    void send(message);
  };

  const onStop = () => {
    dispatch({ type: 'stop' });
    // The first message of a conversation being kept: its id arrives with the last event, so the
    // stream is read to the end (the answer is no longer shown); otherwise stop at once.
    const creatingKept = !state.conversationId && state.retention !== 'ephemeral';
    if (!creatingKept) abortRef.current?.abort();
  };

  const onRetry = (turn: Turn) => void send(turn.content, turn.id);
  const onEditAgain = (turn: Turn) => {
    dispatch({ type: 'discard', turnId: turn.id });
    // Never overwrite what is already in the box.
    setDraft((current) => (current.trim() ? `${turn.content}\n${current}` : turn.content));
    inputRef.current?.focus();
  };

  const summarise = useMutation({
    mutationFn: () =>
      state.conversationId
        ? api.post<Summary>(`/api/companion/conversations/${state.conversationId}/summary`)
        : api.post<Summary>('/api/companion/summary', { mode: state.mode, history: historyFor(state) }),
    onSuccess: (result) => {
      setSummary(result);
      if (state.conversationId)
        void queryClient.invalidateQueries({ queryKey: keys.conversation(state.conversationId) });
    },
  });

  const startNew = () => {
    if (state.conversationId) {
      void navigate('/companion');
      return;
    }
    dispatch({
      type: 'reset',
      mode: 'free',
      opening: t('companion.modes.free.opening'),
      retention: intro.defaultRetention,
    });
    setSummary(null);
    setDraft('');
    setAboutOpen(true);
    summarise.reset();
  };

  const chooseMode = (value: string) => {
    if (!isMode(value)) return;
    dispatch({ type: 'mode', mode: value, opening: t(`companion.modes.${value}.opening`) });
  };

  // Earlier summaries of a kept conversation (not the one open above).
  const previousSummaries = (kept.data?.summaries ?? []).filter((s) => s.id !== summary?.id);

  return (
    <Stack gap="md" maw={860}>
      {kept.data ? (
        <ConversationBar
          conversation={kept.data}
          onRetentionChanged={(retention) => dispatch({ type: 'retention', retention })}
        />
      ) : null}

      <div>
        <UnstyledButton
          onClick={() => setAboutOpen((o) => !o)}
          aria-expanded={aboutOpen}
          aria-controls="companion-about"
          c="teal.8"
          fz="sm"
          fw={600}
        >
          {aboutOpen ? t('companion.chat.aboutToggleHide') : t('companion.chat.aboutToggleShow')}
        </UnstyledButton>
        <Collapse in={aboutOpen} id="companion-about">
          <div style={{ paddingTop: 'var(--mantine-spacing-sm)' }}>
            <IntroPanel intro={intro} />
          </div>
        </Collapse>
      </div>

      {started || state.conversationId ? (
        <Group gap="xs">
          <Badge variant="light" color="teal" size="lg" style={{ textTransform: 'none' }}>
            {t('companion.chat.modeLocked', { mode: t(`companion.modes.${state.mode}.name`) })}
          </Badge>
        </Group>
      ) : (
        <Card withBorder padding="md" component="section" aria-labelledby="companion-mode-heading">
          <Title order={2} size="h5" id="companion-mode-heading">
            {t('companion.chat.modeHeading')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('companion.chat.modeHelp')}
          </Text>
          <Chip.Group multiple={false} value={state.mode} onChange={chooseMode}>
            <Group gap="xs" role="radiogroup" aria-labelledby="companion-mode-heading">
              {intro.modes.map((m) => (
                <Chip key={m.id} value={m.id} variant="outline" color="teal" radius="md">
                  {t(`companion.modes.${m.id}.name`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <Text size="sm" mt="sm">
            {t(`companion.modes.${state.mode}.description`)}
          </Text>
        </Card>
      )}

      <MessageLog state={state} onRetry={onRetry} onEditAgain={onEditAgain} />

      {summary ? (
        <SummaryPanel
          summary={summary}
          conversationId={state.conversationId}
          onClose={() => {
            setSummary(null);
            summarise.reset();
          }}
        />
      ) : null}
      {summarise.error ? (
        <Alert color="orange" role="alert" title={t('companion.summaryPanel.failed')}>
          {errorMessage(summarise.error, t('errors.common.internal'))}
        </Alert>
      ) : null}

      <Group gap="xs">
        <Button
          variant="light"
          onClick={() => summarise.mutate()}
          loading={summarise.isPending}
          disabled={!canSummarise(state)}
        >
          {t('companion.summaryPanel.summarise')}
        </Button>
        <Button
          variant="subtle"
          color="gray"
          onClick={() => (!state.conversationId && started ? setConfirmNew(true) : startNew())}
          disabled={state.pending}
        >
          {t('companion.chat.newConversation')}
        </Button>
      </Group>

      <Card withBorder padding="md" component="section" aria-label={t('companion.chat.inputLabel')}>
        <Stack gap="sm">
          <PrivacyPromise />
          {state.conversationId ? (
            <Text size="xs" c="dimmed">
              {t('companion.chat.keptNotice')}{' '}
              <Anchor component={Link} to="/companion/conversations" size="xs">
                {t('companion.nav.conversations')}
              </Anchor>
            </Text>
          ) : (
            <NativeSelect
              label={t('companion.retention.heading')}
              description={t('companion.retention.help')}
              value={state.retention}
              onChange={(e) => {
                const value = e.currentTarget.value;
                if (isRetention(value)) dispatch({ type: 'retention', retention: value });
              }}
              disabled={state.pending}
              data={intro.retentionOptions.map((o) => ({
                value: o.value,
                label: t(`companion.retention.${o.value}`),
              }))}
              maw={420}
            />
          )}
          {!state.conversationId && state.retention === 'ephemeral' && started ? (
            <Text size="xs" c="dimmed">
              {t('companion.chat.ephemeralNotice')}
            </Text>
          ) : null}
          {!state.conversationId && state.retention !== 'ephemeral' && started ? (
            <Text size="xs" c="teal.8">
              {t('companion.chat.keepFromNext')}
            </Text>
          ) : null}
          <Composer
            ref={inputRef}
            value={draft}
            onChange={setDraft}
            onSend={onSend}
            onStop={onStop}
            pending={state.pending}
            stopping={state.stopRequested}
            max={intro.limits.messageMax}
          />
        </Stack>
      </Card>

      {previousSummaries.length ? (
        <Accordion variant="contained">
          <Accordion.Item value="previous">
            <Accordion.Control>{t('companion.summaryPanel.previous')}</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="md">
                {previousSummaries.map((s) => (
                  <div key={s.id}>
                    {s.createdAt ? (
                      <Text size="xs" c="dimmed">
                        {t('companion.summaryPanel.createdAt', {
                          date: formatDateTime(s.createdAt, currentLocale(), me.timeZone),
                        })}
                      </Text>
                    ) : null}
                    <Markdown source={s.markdown} headingOffset={2} />
                  </div>
                ))}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      ) : null}

      <Modal
        opened={confirmNew}
        onClose={() => setConfirmNew(false)}
        title={t('companion.chat.newConfirmTitle')}
        centered
      >
        <Stack>
          <Text size="sm">{t('companion.chat.newConfirmBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmNew(false)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              onClick={() => {
                setConfirmNew(false);
                startNew();
              }}
            >
              {t('companion.chat.newConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** Opens a kept conversation (fresh from the server, never a stale cached copy) and continues it. */
function KeptChat({
  id,
  intro,
  onAdopt,
}: {
  id: string;
  intro: CompanionIntro;
  onAdopt: (id: string) => void;
}) {
  const { t } = useTranslation();
  const conversation = useConversation(id);
  // The first fresh answer starts the chat; later refetches (after each message) must not reset it.
  const [snapshot, setSnapshot] = useState<Conversation | null>(null);
  if (!snapshot && conversation.data && conversation.isFetchedAfterMount && !conversation.isFetching) {
    setSnapshot(conversation.data);
  }
  if (snapshot) return <ChatPage intro={intro} initial={snapshot} onAdopt={onAdopt} />;
  if (conversation.isError) {
    const missing = conversation.error instanceof ApiError && conversation.error.status === 404;
    return (
      <Stack maw={640} align="flex-start">
        {missing ? (
          <Alert color="gray" title={t('companion.chat.loadFailed')}>
            {t('companion.chat.notFound')}
          </Alert>
        ) : (
          <ErrorState error={conversation.error} onRetry={() => void conversation.refetch()} />
        )}
        <Button component={Link} to="/companion/conversations" variant="light">
          {t('companion.chat.backToList')}
        </Button>
      </Stack>
    );
  }
  return <LoadingState />;
}

/**
 * 相談する: a new conversation at /companion, a kept one at /companion?c=<id>. When a new
 * conversation becomes kept, the address gains its id without reloading what is on screen; any
 * other change of address starts over (a new conversation, or another kept one).
 */
export function ChatRoute() {
  const [params, setParams] = useSearchParams();
  const id = params.get('c');
  const intro = useIntro();
  const [adopted, setAdopted] = useState<string | null>(null);
  const [view, setView] = useState({ id, key: 0 });
  if (view.id !== id) {
    setView({ id, key: id !== null && id === adopted ? view.key : view.key + 1 });
  }
  const onAdopt = useCallback(
    (newId: string) => {
      setAdopted(newId);
      setParams({ c: newId }, { replace: true });
    },
    [setParams],
  );

  if (intro.isPending) return <LoadingState />;
  if (intro.isError) return <ErrorState error={intro.error} onRetry={() => void intro.refetch()} />;
  if (id && id !== adopted) return <KeptChat key={view.key} id={id} intro={intro.data} onAdopt={onAdopt} />;
  return <ChatPage key={view.key} intro={intro.data} initial={null} onAdopt={onAdopt} />;
}
