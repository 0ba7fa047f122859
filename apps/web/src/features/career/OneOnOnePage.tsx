import { useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ManagerView, NextStep, OneOnOneWant } from '@engawa/shared';
import { errorMessage } from '../../api/errors.ts';
import { preventImeSubmit } from '../../components/ime.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { fetchAgendaPreview, useAgenda, useMembers, useOneOnOneWrite } from './api.ts';
import { AgendaItemEditor, FromCompanionModal, NextStepEditor, WantRadios } from './OneOnOneEditors.tsx';

function useWrite() {
  const { t } = useTranslation();
  const write = useOneOnOneWrite();
  const run = (
    method: 'put' | 'post' | 'patch' | 'delete',
    path: string,
    body?: unknown,
    after?: () => void,
  ) =>
    write.mutate(
      { method, path, body },
      {
        onSuccess: () => after?.(),
        onError: (err) =>
          notifications.show({ color: 'red', message: errorMessage(err, t('errors.common.internal')) }),
      },
    );
  return { run, pending: write.isPending };
}

/** キャリア › 1on1: my agenda (private until shared) and, for managers, their members. */
export function OneOnOnePage() {
  const { t } = useTranslation();
  const members = useMembers();
  return (
    <Stack gap="lg">
      <MyAgenda />
      {members.data && members.data.items.length > 0 ? (
        <Card withBorder padding="md" component="section" aria-labelledby="oneonone-members">
          <Title order={2} size="h4" id="oneonone-members" mb="xs">
            {t('career.ui.oneonone.members')}
          </Title>
          <Stack gap="xs">
            {members.data.items.map((m) => (
              <Group key={m.id} justify="space-between" wrap="wrap">
                <Anchor component={Link} to={`/career/oneonone/${m.id}`} fw={600}>
                  {m.name}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {[m.departmentName, t('career.ui.oneonone.sharedCount', { count: m.sharedItems })]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Group>
            ))}
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}

function MyAgenda() {
  const { t } = useTranslation();
  const agenda = useAgenda();
  const { run, pending } = useWrite();
  const [topic, setTopic] = useState('');
  const [want, setWant] = useState<OneOnOneWant>('advice');
  const [detail, setDetail] = useState('');
  const [previewOpen, setPreviewOpen] = useState(false);
  const [fromCompanionOpen, setFromCompanionOpen] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [drafted, setDrafted] = useState(false);
  if (agenda.isPending) return <LoadingState />;
  if (agenda.isError) return <ErrorState error={agenda.error} onRetry={() => void agenda.refetch()} />;
  const a = agenda.data;
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!topic.trim()) return;
    run('post', '/api/oneonone/items', { topic: topic.trim(), want, detail: detail.trim() || null }, () => {
      setTopic('');
      setDetail('');
    });
  };
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="oneonone-mine">
      <Stack gap="sm">
        <Title order={2} size="h4" id="oneonone-mine">
          {t('career.ui.oneonone.mine')}
        </Title>
        <Text size="sm">
          {a.manager
            ? t('career.ui.oneonone.manager', { name: a.manager.name })
            : t('career.oneonone.noManager')}
        </Text>
        <Alert color="blue" variant="light">
          {t('career.oneonone.privateNote')}
        </Alert>
        {a.items.length === 0 ? <Text c="dimmed">{t('career.ui.oneonone.empty')}</Text> : null}
        {a.items.map((item) => (
          <Card key={item.id} withBorder padding="sm" component="article" aria-label={item.topic}>
            <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
              <Stack gap={2} style={{ flex: '1 1 200px' }}>
                <Text fw={600}>{item.topic}</Text>
                <Group gap={4}>
                  <Badge variant="light">{t(`career.oneonone.wants.${item.want}`)}</Badge>
                  {item.source === 'companion' ? (
                    <Badge variant="light" color="grape" tt="none">
                      {t('career.oneonone.sources.companion')}
                    </Badge>
                  ) : null}
                  <Badge color={item.shared ? 'teal' : 'gray'} variant="outline" tt="none">
                    {item.shared
                      ? t('career.ui.oneonone.sharedWith', { name: item.shared.with.name })
                      : t('career.ui.oneonone.private')}
                  </Badge>
                </Group>
                {item.detail ? (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {item.detail}
                  </Text>
                ) : null}
              </Stack>
              <Group gap={4}>
                <Button
                  size="xs"
                  variant="default"
                  aria-label={`${t('career.ui.edit')}: ${item.topic}`}
                  onClick={() => {
                    setDrafted(false);
                    setEditingId(item.id);
                  }}
                >
                  {t('career.ui.edit')}
                </Button>
                {item.shared ? (
                  <Button
                    size="xs"
                    variant="default"
                    loading={pending}
                    onClick={() => run('delete', `/api/oneonone/items/${item.id}/share`)}
                  >
                    {t('career.ui.oneonone.revoke')}
                  </Button>
                ) : a.manager ? (
                  <Button
                    size="xs"
                    loading={pending}
                    onClick={() => run('put', `/api/oneonone/items/${item.id}/share`, {})}
                  >
                    {t('career.ui.oneonone.share')}
                  </Button>
                ) : null}
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  style={{ flexShrink: 0 }}
                  onClick={() => run('delete', `/api/oneonone/items/${item.id}`)}
                >
                  {t('career.ui.remove')}
                </Button>
              </Group>
            </Group>
          </Card>
        ))}
        <form onSubmit={add} onKeyDown={preventImeSubmit}>
          <Stack gap="xs">
            <TextInput
              label={t('career.ui.oneonone.topic')}
              value={topic}
              onChange={(e) => setTopic(e.currentTarget.value)}
              maxLength={200}
            />
            <WantRadios value={want} onChange={setWant} />
            <Textarea
              autosize
              minRows={2}
              label={t('career.ui.oneonone.detail')}
              value={detail}
              onChange={(e) => setDetail(e.currentTarget.value)}
            />
            <Group gap="xs" wrap="wrap">
              <Button type="submit" loading={pending}>
                {t('career.ui.oneonone.addItem')}
              </Button>
              <Button variant="light" onClick={() => setFromCompanionOpen(true)}>
                {t('career.ui.oneonone.fromCompanion')}
              </Button>
              {a.manager ? (
                <Button variant="light" onClick={() => setPreviewOpen(true)}>
                  {t('career.ui.oneonone.preview')}
                </Button>
              ) : null}
            </Group>
          </Stack>
        </form>
        {a.managerItems.length > 0 ? (
          <Stack gap={4}>
            <Text fw={600}>{t('career.ui.oneonone.managerItems')}</Text>
            {a.managerItems.map((m) => (
              <Text key={m.id} size="sm">
                ・{m.topic}
                {m.detail ? ` — ${m.detail}` : ''}
              </Text>
            ))}
          </Stack>
        ) : null}
        {a.manager ? <NextSteps steps={a.nextSteps} addPath="/api/oneonone/next-steps" /> : null}
        {fromCompanionOpen ? (
          <FromCompanionModal
            onClose={() => setFromCompanionOpen(false)}
            onDrafted={(id) => {
              setFromCompanionOpen(false);
              setDrafted(true);
              setEditingId(id);
            }}
          />
        ) : null}
        {editingId && a.items.some((i) => i.id === editingId) ? (
          <AgendaItemEditor
            key={editingId}
            item={a.items.find((i) => i.id === editingId)!}
            note={drafted ? t('career.ui.oneonone.draftCreated') : undefined}
            onClose={() => {
              setEditingId(null);
              setDrafted(false);
            }}
          />
        ) : null}
        {previewOpen ? (
          <PreviewModal
            initial={a.items.filter((i) => i.shared).map((i) => i.id)}
            items={a.items.map((i) => ({ id: i.id, topic: i.topic, shared: !!i.shared }))}
            onClose={() => setPreviewOpen(false)}
          />
        ) : null}
      </Stack>
    </Card>
  );
}

/** "As if shared": pick items and see exactly what the manager's screen shows; share them from here. */
function PreviewModal({
  initial,
  items,
  onClose,
}: {
  initial: string[];
  items: Array<{ id: string; topic: string; shared: boolean }>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [chosen, setChosen] = useState<string[]>(initial);
  const { run, pending } = useWrite();
  const preview = useQuery({
    queryKey: ['oneonone', 'preview', chosen],
    queryFn: () => fetchAgendaPreview(chosen),
  });
  const toShare = items.filter((i) => chosen.includes(i.id) && !i.shared);
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      fullScreen={isMobile}
      title={t('career.ui.oneonone.previewTitle')}
    >
      <Stack gap="md">
        <Checkbox.Group value={chosen} onChange={setChosen}>
          <Stack gap={4}>
            {items.map((i) => (
              <Checkbox key={i.id} value={i.id} label={i.topic} disabled={i.shared} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Text size="sm" c="dimmed">
          {t('career.oneonone.previewNote')}
        </Text>
        <Card withBorder padding="md" data-testid="manager-preview">
          {preview.isPending ? <LoadingState /> : null}
          {preview.isError ? <ErrorState error={preview.error} /> : null}
          {preview.data ? <ManagerViewBody view={preview.data} withRest /> : null}
        </Card>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('career.ui.cancel')}
          </Button>
          <Button
            disabled={toShare.length === 0}
            loading={pending}
            onClick={async () => {
              for (const i of toShare) run('put', `/api/oneonone/items/${i.id}/share`, {});
              onClose();
            }}
          >
            {t('career.ui.oneonone.share')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** What the manager sees of a member's agenda (also the employee's preview of it). */
export function ManagerViewBody({ view, withRest = false }: { view: ManagerView; withRest?: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('career.ui.oneonone.sharedItems')}</Text>
      {view.sharedItems.length === 0 ? <Text c="dimmed">{t('career.ui.oneonone.previewEmpty')}</Text> : null}
      {view.sharedItems.map((i) => (
        <Card key={i.id} withBorder padding="xs" component="article" aria-label={i.topic}>
          <Text fw={600}>{i.topic}</Text>
          <Badge variant="light">{t(`career.oneonone.wants.${i.want}`)}</Badge>
          {i.detail ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {i.detail}
            </Text>
          ) : null}
        </Card>
      ))}
      {withRest && view.managerItems.length > 0 ? (
        <>
          <Text fw={600}>{t('career.ui.oneonone.managerItems')}</Text>
          {view.managerItems.map((m) => (
            <Text key={m.id} size="sm">
              ・{m.topic}
              {m.detail ? ` — ${m.detail}` : ''}
            </Text>
          ))}
        </>
      ) : null}
      {withRest && view.nextSteps.length > 0 ? (
        <>
          <Text fw={600}>{t('career.ui.oneonone.nextSteps')}</Text>
          {view.nextSteps.map((s) => (
            <Text key={s.id} size="sm" td={s.done ? 'line-through' : undefined}>
              ・{s.text}
              {s.dueOn ? `（${t('career.ui.oneonone.dueOn')} ${s.dueOn}）` : ''}
            </Text>
          ))}
        </>
      ) : null}
    </Stack>
  );
}

/** Agreed next steps: either side adds and ticks them off; the author rewords or deletes one. */
export function NextSteps({ steps, addPath }: { steps: NextStep[]; addPath: string }) {
  const { t } = useTranslation();
  const { run, pending } = useWrite();
  const [text, setText] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [editing, setEditing] = useState<NextStep | null>(null);
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('career.ui.oneonone.nextSteps')}</Text>
      {steps.map((s) => (
        <Group key={s.id} gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
          <Checkbox
            checked={s.done}
            label={`${s.text}${s.dueOn ? `（${t('career.ui.oneonone.dueOn')} ${s.dueOn}）` : ''} — ${s.createdBy.name}`}
            onChange={(e) =>
              run('patch', `/api/oneonone/next-steps/${s.id}`, { done: e.currentTarget.checked })
            }
          />
          <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
            {s.abilities.edit ? (
              <Button
                size="xs"
                variant="subtle"
                aria-label={`${t('career.ui.edit')}: ${s.text}`}
                onClick={() => setEditing(s)}
              >
                {t('career.ui.edit')}
              </Button>
            ) : null}
            {s.abilities.delete ? (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                aria-label={`${t('career.ui.remove')}: ${s.text}`}
                onClick={() => run('delete', `/api/oneonone/next-steps/${s.id}`)}
              >
                {t('career.ui.remove')}
              </Button>
            ) : null}
          </Group>
        </Group>
      ))}
      {editing ? <NextStepEditor key={editing.id} step={editing} onClose={() => setEditing(null)} /> : null}
      <form
        onKeyDown={preventImeSubmit}
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim()) return;
          run('post', addPath, { text: text.trim(), dueOn: dueOn || null }, () => {
            setText('');
            setDueOn('');
          });
        }}
      >
        <Group align="flex-end" wrap="wrap" gap="xs">
          <TextInput
            style={{ flex: '1 1 200px' }}
            label={t('career.ui.oneonone.nextStepText')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('career.ui.oneonone.dueOn')}
            value={dueOn}
            onChange={(e) => setDueOn(e.currentTarget.value)}
          />
          <Button type="submit" loading={pending}>
            {t('career.ui.oneonone.addStep')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
