import { useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import {
  CAREER_LIMITS,
  ONEONONE_WANTS,
  type AgendaItem,
  type CompanionSummaryChoice,
  type EmployeeAgenda,
  type ManagerAgendaItem,
  type NextStep,
  type OneOnOneWant,
} from '@engawa/shared';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { useMe } from '../../api/session.ts';
import { preventImeSubmit } from '../../components/ime.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { formatDateTime } from '../companion/format.ts';
import { useOneOnOneWrite } from './api.ts';

/**
 * The 1on1 editors: rewording my agenda item, the manager's own item and a next step (each only
 * offered to its author — the server says so in `abilities`), and drafting an item from a career
 * talk summary.
 */

/** "What I want from my manager", as radio buttons. */
export function WantRadios({
  value,
  onChange,
}: {
  value: OneOnOneWant;
  onChange: (v: OneOnOneWant) => void;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('career.ui.oneonone.want')}
      value={value}
      onChange={(v) => onChange(v as OneOnOneWant)}
    >
      <Group gap="md" mt={4}>
        {ONEONONE_WANTS.map((w) => (
          <Radio key={w} value={w} label={t(`career.oneonone.wants.${w}`)} />
        ))}
      </Group>
    </Radio.Group>
  );
}

function useSave(onDone: () => void) {
  const { t } = useTranslation();
  const write = useOneOnOneWrite();
  const save = (path: string, body: unknown) =>
    write.mutate(
      { method: 'patch', path, body },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('career.ui.saved') });
          onDone();
        },
        onError: (err) =>
          notifications.show({ color: 'red', message: errorMessage(err, t('errors.common.internal')) }),
      },
    );
  return { save, pending: write.isPending };
}

function EditorModal({
  title,
  onClose,
  onSubmit,
  pending,
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  pending: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Modal opened onClose={onClose} title={title} size="lg" fullScreen={isMobile}>
      <form onSubmit={submit} onKeyDown={preventImeSubmit}>
        <Stack gap="sm">
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('career.ui.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {t('career.ui.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** An item's topic and detail (agenda items and the manager's own items), with anything between them. */
function TopicDetailFields({
  topic,
  onTopic,
  detail,
  onDetail,
  children,
}: {
  topic: string;
  onTopic: (v: string) => void;
  detail: string;
  onDetail: (v: string) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('career.ui.oneonone.topic')}
        value={topic}
        onChange={(e) => onTopic(e.currentTarget.value)}
        maxLength={CAREER_LIMITS.agendaTopicMax}
        required
        data-autofocus
      />
      {children}
      <Textarea
        autosize
        minRows={3}
        maxRows={12}
        label={t('career.ui.oneonone.detail')}
        value={detail}
        onChange={(e) => onDetail(e.currentTarget.value)}
        maxLength={CAREER_LIMITS.agendaDetailMax}
      />
    </>
  );
}

/** My agenda item: topic, want and detail. A shared item stays shared; the manager sees the new text. */
export function AgendaItemEditor({
  item,
  onClose,
  note,
}: {
  item: AgendaItem;
  onClose: () => void;
  /** Shown above the form (e.g. right after a draft was made from a talk summary). */
  note?: string;
}) {
  const { t } = useTranslation();
  const [topic, setTopic] = useState(item.topic);
  const [want, setWant] = useState<OneOnOneWant>(item.want);
  const [detail, setDetail] = useState(item.detail ?? '');
  const { save, pending } = useSave(onClose);
  return (
    <EditorModal
      title={t('career.ui.oneonone.editTitle')}
      onClose={onClose}
      pending={pending}
      onSubmit={() => {
        if (!topic.trim()) return;
        save(`/api/oneonone/items/${item.id}`, {
          topic: topic.trim(),
          want,
          detail: detail.trim() || null,
        });
      }}
    >
      {note ? (
        <Alert color="blue" variant="light">
          {note}
        </Alert>
      ) : null}
      {item.shared ? (
        <Alert color="teal" variant="light">
          {t('career.ui.oneonone.sharedEditNote')}
        </Alert>
      ) : null}
      <TopicDetailFields topic={topic} onTopic={setTopic} detail={detail} onDetail={setDetail}>
        <WantRadios value={want} onChange={setWant} />
      </TopicDetailFields>
    </EditorModal>
  );
}

/** The manager's own item (offered to the manager who wrote it). */
export function ManagerItemEditor({ item, onClose }: { item: ManagerAgendaItem; onClose: () => void }) {
  const { t } = useTranslation();
  const [topic, setTopic] = useState(item.topic);
  const [detail, setDetail] = useState(item.detail ?? '');
  const { save, pending } = useSave(onClose);
  return (
    <EditorModal
      title={t('career.ui.oneonone.editTitle')}
      onClose={onClose}
      pending={pending}
      onSubmit={() => {
        if (!topic.trim()) return;
        save(`/api/oneonone/manager-items/${item.id}`, {
          topic: topic.trim(),
          detail: detail.trim() || null,
        });
      }}
    >
      <TopicDetailFields topic={topic} onTopic={setTopic} detail={detail} onDetail={setDetail} />
    </EditorModal>
  );
}

/** A next step's words and due date (offered to its author; either side ticks it done). */
export function NextStepEditor({ step, onClose }: { step: NextStep; onClose: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(step.text);
  const [dueOn, setDueOn] = useState(step.dueOn ?? '');
  const { save, pending } = useSave(onClose);
  return (
    <EditorModal
      title={t('career.ui.oneonone.stepEditTitle')}
      onClose={onClose}
      pending={pending}
      onSubmit={() => {
        if (!text.trim()) return;
        save(`/api/oneonone/next-steps/${step.id}`, { text: text.trim(), dueOn: dueOn || null });
      }}
    >
      <TextInput
        label={t('career.ui.oneonone.nextStepText')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        maxLength={CAREER_LIMITS.nextStepTextMax}
        required
        data-autofocus
      />
      <TextInput
        type="date"
        label={t('career.ui.oneonone.dueOn')}
        value={dueOn}
        onChange={(e) => setDueOn(e.currentTarget.value)}
      />
    </EditorModal>
  );
}

/**
 * 相談のまとめから下書き: my kept career talks that have a summary; picking one drafts a private
 * agenda item from its latest summary (nothing is shared), then opens it for editing.
 */
export function FromCompanionModal({
  onClose,
  onDrafted,
}: {
  onClose: () => void;
  onDrafted: (itemId: string) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const isMobile = useIsMobile();
  const qc = useQueryClient();
  const [want, setWant] = useState<OneOnOneWant>('thinkTogether');
  const choices = useQuery({
    queryKey: ['oneonone', 'companion-summaries'],
    queryFn: () => api.get<{ items: CompanionSummaryChoice[] }>('/api/oneonone/companion-summaries'),
    staleTime: 0,
  });
  const draft = useMutation({
    mutationFn: (conversationId: string) =>
      api.post<{ id: string; agenda: EmployeeAgenda }>('/api/oneonone/items/from-companion', {
        conversationId,
        want,
      }),
    onSuccess: async ({ id }) => {
      await qc.invalidateQueries({ queryKey: ['oneonone'] });
      onDrafted(id);
    },
    onError: (err) =>
      notifications.show({ color: 'red', message: errorMessage(err, t('errors.common.internal')) }),
  });
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      fullScreen={isMobile}
      title={t('career.ui.oneonone.fromCompanionTitle')}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('career.ui.oneonone.fromCompanionNote')}
        </Text>
        <WantRadios value={want} onChange={setWant} />
        {choices.isPending ? <LoadingState /> : null}
        {choices.isError ? <ErrorState error={choices.error} onRetry={() => void choices.refetch()} /> : null}
        {choices.data && choices.data.items.length === 0 ? (
          <Text c="dimmed">{t('career.ui.oneonone.fromCompanionEmpty')}</Text>
        ) : null}
        {choices.data?.items.map((c) => {
          const title = c.title || t('career.ui.oneonone.untitled');
          return (
            <Card key={c.conversationId} withBorder padding="sm" component="article" aria-label={title}>
              <Stack gap={6}>
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Text fw={600}>{title}</Text>
                  <Badge variant="light" color="gray" tt="none">
                    {t('career.ui.oneonone.summarizedAt', {
                      date: formatDateTime(c.summarizedAt, me.locale, me.timeZone),
                    })}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {c.excerpt}
                </Text>
                <Button
                  size="xs"
                  variant="light"
                  style={{ alignSelf: 'flex-start' }}
                  loading={draft.isPending && draft.variables === c.conversationId}
                  disabled={draft.isPending}
                  onClick={() => draft.mutate(c.conversationId)}
                >
                  {t('career.ui.oneonone.fromCompanionPick')}
                </Button>
              </Stack>
            </Card>
          );
        })}
      </Stack>
    </Modal>
  );
}
