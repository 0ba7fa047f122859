import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Modal,
  Select,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import {
  CAREER_LIMITS,
  OPPORTUNITY_TYPES,
  PROFILE_PARTS,
  type OpportunityItem,
  type OpportunityType,
  type ProfilePart,
  type Reason,
} from '@engawa/shared';
import { ApiError, errorMessage } from '../../api/errors.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import {
  fetchApplyPreview,
  useMyApplications,
  useOpportunities,
  useOpportunityAction,
  useRecommendations,
} from './api.ts';
import { ProfileSnapshotView } from './ProfileSnapshotView.tsx';
import { LoadMore, ReasonText, SkillBadges } from './shared.tsx';

type Tab = 'recommended' | 'browse' | 'applications';

/** キャリア › 社内の機会: recommendations with reasons, the whole catalog, and my applications. */
export function OpportunitiesPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('recommended');
  const [type, setType] = useState<OpportunityType | null>(null);
  const [applyTo, setApplyTo] = useState<OpportunityItem | null>(null);
  return (
    <Stack gap="md">
      <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} variant="pills">
        <Tabs.List>
          <Tabs.Tab value="recommended">{t('career.ui.opportunities.recommended')}</Tabs.Tab>
          <Tabs.Tab value="browse">{t('career.ui.opportunities.browse')}</Tabs.Tab>
          <Tabs.Tab value="applications">{t('career.ui.opportunities.applications')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab !== 'applications' ? (
        <Select
          label={t('career.ui.opportunities.filterType')}
          data={[
            { value: '', label: t('career.ui.opportunities.allTypes') },
            ...OPPORTUNITY_TYPES.map((ty) => ({ value: ty, label: t(`career.types.${ty}`) })),
          ]}
          value={type ?? ''}
          allowDeselect={false}
          onChange={(v) => setType(v ? (v as OpportunityType) : null)}
          maw={280}
        />
      ) : null}
      {tab === 'recommended' ? <Recommended type={type} onApply={setApplyTo} /> : null}
      {tab === 'browse' ? <Browse type={type} onApply={setApplyTo} /> : null}
      {tab === 'applications' ? <MyApplications /> : null}
      {applyTo ? <ApplyModal opportunity={applyTo} onClose={() => setApplyTo(null)} /> : null}
    </Stack>
  );
}

function Recommended({
  type,
  onApply,
}: {
  type: OpportunityType | null;
  onApply: (o: OpportunityItem) => void;
}) {
  const { t } = useTranslation();
  const list = useRecommendations(type);
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('career.recommendations.privateNote')}
      </Text>
      {list.data.items.length === 0 ? (
        <EmptyState>{t('career.recommendations.empty')}</EmptyState>
      ) : (
        <Text size="sm" c="dimmed">
          {t('career.recommendations.topNote', { count: CAREER_LIMITS.recommendationsDefault })}
        </Text>
      )}
      {list.data.items.map((r) => (
        <OpportunityCard
          key={r.opportunity.id}
          opportunity={r.opportunity}
          reasons={r.reasons}
          onApply={onApply}
        />
      ))}
    </Stack>
  );
}

/** The whole catalog, page by page; a new type or keyword starts the list again from the top. */
function Browse({ type, onApply }: { type: OpportunityType | null; onApply: (o: OpportunityItem) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const list = useOpportunities(type, debouncedQ);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages.at(-1)?.total ?? 0;
  return (
    <Stack gap="sm">
      <TextInput
        label={t('career.ui.opportunities.search')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={400}
        type="search"
      />
      {list.isPending ? (
        <LoadingState />
      ) : list.isError && items.length === 0 ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{t('career.ui.opportunities.empty')}</EmptyState>
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('career.ui.opportunities.showing', { shown: items.length, total })}
          </Text>
          {items.map((o) => (
            <OpportunityCard key={o.id} opportunity={o} onApply={onApply} />
          ))}
          <LoadMore list={list} />
        </>
      )}
    </Stack>
  );
}

/** One opportunity: what it is, what it asks and gives, why it is recommended, and my actions. */
export function OpportunityCard({
  opportunity: o,
  reasons,
  gaps = [],
  onApply,
}: {
  opportunity: OpportunityItem;
  reasons?: Reason[];
  /** Required skills the person lacks (recommendations only), shown as plain facts. */
  gaps?: string[];
  onApply?: (o: OpportunityItem) => void;
}) {
  const { t, i18n } = useTranslation();
  const action = useOpportunityAction();
  const headingId = `opp-${o.id}`;
  const fail = (err: unknown) =>
    notifications.show({ color: 'red', message: errorMessage(err, t('errors.common.internal')) });
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Badge variant="light">{t(`career.types.${o.type}`)}</Badge>
          {o.status === 'closed' ? <Badge color="gray">{t('career.statuses.closed')}</Badge> : null}
          {o.me.applied ? <Badge color="teal">{t('career.ui.opportunities.applied')}</Badge> : null}
        </Group>
        <Title order={3} size="h5" id={headingId}>
          {o.title}
        </Title>
        {reasons && reasons.length > 0 ? (
          <div>
            <Text size="sm" fw={600}>
              {t('career.ui.opportunities.why')}
            </Text>
            <List size="sm" spacing={2}>
              {reasons.map((r, i) => (
                <List.Item key={`${r.key}-${i}`}>
                  <ReasonText reason={r} />
                </List.Item>
              ))}
            </List>
          </div>
        ) : null}
        {gaps.length > 0 ? (
          <Text size="sm" c="orange.9">
            {t('career.gap', { skill: gaps.join(t('career.companion.reasonSeparator')) })}
          </Text>
        ) : null}
        {o.description ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
            {o.description}
          </Text>
        ) : null}
        <Group gap="xs" align="center">
          <Text size="sm" c="dimmed">
            {t('career.ui.opportunities.skillsGained')}:
          </Text>
          <SkillBadges skills={o.skillsGained} color="teal" />
        </Group>
        {o.skillsRequired.length > 0 ? (
          <Group gap="xs" align="center">
            <Text size="sm" c="dimmed">
              {t('career.ui.opportunities.skillsRequired')}:
            </Text>
            <SkillBadges skills={o.skillsRequired} />
          </Group>
        ) : null}
        <Text size="sm" c="dimmed">
          {[
            o.department ? (i18n.language === 'en' && o.department.nameEn) || o.department.name : null,
            o.startsOn || o.endsOn ? `${o.startsOn ?? ''}〜${o.endsOn ?? ''}` : null,
            o.applyBy ? `${t('career.ui.opportunities.applyBy')} ${o.applyBy}` : null,
            o.capacity ? t('career.ui.opportunities.capacity', { count: o.capacity }) : null,
            o.timeShare ? t('career.ui.opportunities.timeShare', { share: o.timeShare }) : null,
            o.owner ? `${t('career.ui.opportunities.owner')}: ${o.owner.name}` : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant={o.me.interested ? 'filled' : 'light'}
            color="pink"
            aria-pressed={o.me.interested}
            loading={action.isPending}
            onClick={() =>
              action.mutate({ kind: 'interest', id: o.id, on: !o.me.interested }, { onError: fail })
            }
          >
            {o.me.interested
              ? t('career.ui.opportunities.interestedOn')
              : t('career.ui.opportunities.interested')}
          </Button>
          {o.me.applied ? (
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                if (window.confirm(t('career.ui.opportunities.withdrawConfirm')))
                  action.mutate({ kind: 'withdraw', id: o.id }, { onError: fail });
              }}
            >
              {t('career.ui.opportunities.withdraw')}
            </Button>
          ) : o.abilities.apply && onApply ? (
            <Button size="xs" onClick={() => onApply(o)}>
              {t('career.ui.opportunities.apply')}
            </Button>
          ) : null}
        </Group>
        {o.me.interested ? (
          <Text size="xs" c="dimmed">
            {t('career.ui.opportunities.interestNote')}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

/**
 * The consent screen: nothing of the profile is chosen at first; the person ticks the parts to send,
 * sees exactly what the owner and hr receive (the server's preview), then confirms that snapshot.
 */
export function ApplyModal({ opportunity, onClose }: { opportunity: OpportunityItem; onClose: () => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [parts, setParts] = useState<ProfilePart[]>([]);
  const [message, setMessage] = useState('');
  const [sentMessage, setSentMessage] = useState('');
  const preview = useQuery({
    queryKey: ['career', 'applyPreview', opportunity.id, parts, sentMessage],
    queryFn: () => fetchApplyPreview(opportunity.id, parts, sentMessage),
    staleTime: 0,
  });
  const action = useOpportunityAction();
  const stale = message.trim() !== sentMessage;
  // Set when the server refused the confirmation (the owner or the profile changed since the
  // preview): the preview below is fetched again and is the new consent screen.
  const [outdated, setOutdated] = useState<string | null>(null);
  return (
    <Modal
      opened
      onClose={onClose}
      fullScreen={isMobile}
      size="lg"
      title={t('career.ui.apply.title', { title: opportunity.title })}
    >
      <Stack gap="md">
        <Alert color="blue" variant="light">
          {t('career.apply.consent')}
        </Alert>
        <Checkbox.Group
          label={t('career.ui.apply.partsLabel')}
          value={parts}
          onChange={(v) => setParts(PROFILE_PARTS.filter((p) => v.includes(p)))}
        >
          <Group gap="sm" mt={4}>
            {PROFILE_PARTS.map((p) => (
              <Checkbox key={p} value={p} label={t(`career.parts.${p}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea
          label={t('career.ui.apply.message')}
          autosize
          minRows={2}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          onBlur={() => setSentMessage(message.trim())}
        />
        {stale ? (
          <Button
            size="xs"
            variant="light"
            onClick={() => setSentMessage(message.trim())}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('career.ui.apply.refresh')}
          </Button>
        ) : null}
        {outdated ? (
          <Alert color="orange" variant="light" role="alert" data-testid="apply-outdated">
            {outdated}
          </Alert>
        ) : null}
        <Card
          withBorder
          padding="md"
          component="section"
          aria-label={t('career.ui.apply.preview')}
          data-testid="apply-preview"
        >
          <Title order={3} size="h5" mb="xs">
            {t('career.ui.apply.preview')}
          </Title>
          {preview.isPending ? <LoadingState /> : null}
          {preview.isError ? (
            <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
          ) : null}
          {preview.data ? (
            <Stack gap="xs">
              <Text size="sm">
                <b>{t('career.ui.apply.recipients')}:</b>{' '}
                {[preview.data.recipients.owner?.name, t('career.apply.recipientsHr')]
                  .filter(Boolean)
                  .join('、')}
              </Text>
              <Text size="sm">
                <b>{t('career.ui.apply.applicant')}:</b> {preview.data.applicant.name}
                {preview.data.applicant.departmentName ? `（${preview.data.applicant.departmentName}）` : ''}
                {preview.data.applicant.title ? ` ${preview.data.applicant.title}` : ''}
              </Text>
              {preview.data.parts.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('career.ui.apply.nothingShared')}
                </Text>
              ) : (
                <ProfileSnapshotView profile={preview.data.profile} />
              )}
              {preview.data.message ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  <b>{t('career.ui.apply.message')}:</b> {preview.data.message}
                </Text>
              ) : null}
            </Stack>
          ) : null}
        </Card>
        <Text size="xs" c="dimmed">
          {t('career.apply.withdrawNote')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('career.ui.cancel')}
          </Button>
          <Button
            disabled={!preview.data || stale || preview.isFetching}
            loading={action.isPending}
            onClick={() =>
              preview.data &&
              action.mutate(
                {
                  kind: 'apply',
                  id: opportunity.id,
                  parts: preview.data.parts,
                  message: preview.data.message ?? '',
                  snapshotHash: preview.data.snapshotHash,
                },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', message: t('career.ui.apply.done') });
                    onClose();
                  },
                  onError: (err) => {
                    if (
                      err instanceof ApiError &&
                      (err.code === 'career.recipient_changed' || err.code === 'career.preview_outdated')
                    ) {
                      setOutdated(err.message);
                      void preview.refetch();
                      return;
                    }
                    notifications.show({
                      color: 'red',
                      message: errorMessage(err, t('errors.common.internal')),
                    });
                  },
                },
              )
            }
          >
            {t('career.ui.apply.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function MyApplications() {
  const { t } = useTranslation();
  const list = useMyApplications();
  const action = useOpportunityAction();
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.items.length === 0)
    return <EmptyState>{t('career.ui.opportunities.noApplications')}</EmptyState>;
  return (
    <Stack gap="sm">
      {list.data.items.map((a) => (
        <Card key={a.id} withBorder padding="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={0}>
              <Text fw={600}>{a.opportunity.title}</Text>
              <Text size="sm" c="dimmed">
                {t(`career.types.${a.opportunity.type}`)} · {t(`career.applicationStatuses.${a.status}`)} ·{' '}
                {a.submittedAt.slice(0, 10)}
              </Text>
            </Stack>
            {a.status === 'submitted' ? (
              <Button
                size="xs"
                variant="default"
                loading={action.isPending}
                onClick={() => {
                  if (window.confirm(t('career.ui.opportunities.withdrawConfirm')))
                    action.mutate({ kind: 'withdraw', id: a.opportunity.id });
                }}
              >
                {t('career.ui.opportunities.withdraw')}
              </Button>
            ) : null}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

/** One opportunity by its address (/career/opportunities/:id), e.g. from a companion suggestion. */
export function OpportunityRoute() {
  const { id = '' } = useParams();
  const [applying, setApplying] = useState<OpportunityItem | null>(null);
  const { t } = useTranslation();
  const item = useQuery({
    queryKey: ['career', 'opportunity', id],
    queryFn: () => api.get<OpportunityItem>(`/api/opportunities/${encodeURIComponent(id)}`),
  });
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/career/opportunities" size="sm">
        ← {t('career.ui.nav.opportunities')}
      </Anchor>
      {item.isPending ? <LoadingState /> : null}
      {item.isError ? <ErrorState error={item.error} onRetry={() => void item.refetch()} /> : null}
      {item.data ? <OpportunityCard opportunity={item.data} onApply={setApplying} /> : null}
      {applying ? <ApplyModal opportunity={applying} onClose={() => setApplying(null)} /> : null}
    </Stack>
  );
}
