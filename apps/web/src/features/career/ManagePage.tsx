import { useState, type FormEvent } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  FileButton,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  OPPORTUNITY_CSV_COLUMNS,
  OPPORTUNITY_STATUSES,
  OPPORTUNITY_TYPES,
  type FieldIssue,
  type ImportCounts,
  type OpportunityItem,
  type PersonItem,
  type OpportunityType,
} from '@engawa/shared';
import { api } from '../../api/client.ts';
import { useMe } from '../../api/session.ts';
import { ApiError, errorMessage, fieldErrors } from '../../api/errors.ts';
import { preventImeSubmit } from '../../components/ime.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { departmentOptions } from '../../components/departmentTree.ts';
import { useDepartments } from '../../api/departments.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { useApplicationsTo, useManageList, type ManageFilters } from './api.ts';
import { ProfileSnapshotView } from './ProfileSnapshotView.tsx';
import { LoadMore, parseSkillList, skillInput } from './shared.tsx';

/** キャリア › 機会の管理 (hr): the catalog with application and k-suppressed interest counts. */
export function ManagePage() {
  const { t } = useTranslation();
  const me = useMe();
  const isHr = me.roles.includes('hr');
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [type, setType] = useState<OpportunityType | null>(null);
  const [status, setStatus] = useState<ManageFilters['status']>('all');
  const list = useManageList({ type, status, q: debouncedQ });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages.at(-1)?.total ?? 0;
  const k = list.data?.pages[0]?.k ?? 5;
  const filtered = !!(type || status !== 'all' || debouncedQ);
  const qc = useQueryClient();
  const [editing, setEditing] = useState<OpportunityItem | 'new' | null>(null);
  const [picked, setPicked] = useState<OpportunityItem | null>(null);
  // `?applications=<id>`: where the owner's "new application" notification leads.
  const [search, setSearch] = useSearchParams();
  const linked = search.get('applications');
  const linkedOpportunity = useQuery({
    queryKey: ['career', 'opportunity', linked],
    enabled: !!linked,
    queryFn: () => api.get<OpportunityItem>(`/api/opportunities/${encodeURIComponent(linked!)}`),
  });
  const viewing = picked ?? (linked ? (linkedOpportunity.data ?? null) : null);
  const setViewing = (o: OpportunityItem | null) => {
    setPicked(o);
    if (!o && linked) setSearch({}, { replace: true });
  };
  const toggle = useMutation({
    mutationFn: (o: OpportunityItem) =>
      api.patch(`/api/opportunities/${o.id}`, { status: o.status === 'open' ? 'closed' : 'open' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['career'] }),
    onError: (err) =>
      notifications.show({ color: 'red', message: errorMessage(err, t('errors.common.internal')) }),
  });
  return (
    <Stack gap="md">
      {isHr ? (
        <>
          <Group>
            <Button onClick={() => setEditing('new')}>{t('career.ui.manage.create')}</Button>
          </Group>
          <CsvImport />
        </>
      ) : null}
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          type="search"
          label={t('career.ui.opportunities.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={{ base: '100%', xs: 260 }}
        />
        <Select
          label={t('career.ui.opportunities.filterType')}
          data={[
            { value: '', label: t('career.ui.opportunities.allTypes') },
            ...OPPORTUNITY_TYPES.map((ty) => ({ value: ty, label: t(`career.types.${ty}`) })),
          ]}
          value={type ?? ''}
          allowDeselect={false}
          onChange={(v) => setType(v ? (v as OpportunityType) : null)}
          w={{ base: '100%', xs: 200 }}
        />
        <Select
          label={t('career.ui.manage.filterStatus')}
          data={[
            { value: 'all', label: t('career.ui.manage.allStatuses') },
            ...OPPORTUNITY_STATUSES.map((st) => ({ value: st, label: t(`career.statuses.${st}`) })),
          ]}
          value={status}
          allowDeselect={false}
          onChange={(v) => v && setStatus(v as ManageFilters['status'])}
          w={{ base: '100%', xs: 160 }}
        />
      </Group>
      {list.isPending ? <LoadingState /> : null}
      {list.isError && items.length === 0 ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : null}
      {list.data && items.length === 0 ? (
        <EmptyState>{filtered ? t('career.ui.opportunities.empty') : undefined}</EmptyState>
      ) : null}
      {items.length > 0 ? (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('career.ui.opportunities.showing', { shown: items.length, total })}
        </Text>
      ) : null}
      {items.map((s) => (
        <Card key={s.opportunity.id} withBorder padding="sm" component="article">
          <Stack gap={4}>
            <Group gap="xs">
              <Badge variant="light">{t(`career.types.${s.opportunity.type}`)}</Badge>
              <Badge color={s.opportunity.status === 'open' ? 'teal' : 'gray'}>
                {t(`career.statuses.${s.opportunity.status}`)}
              </Badge>
              {s.opportunity.code ? (
                <Text size="xs" ff="monospace" c="dimmed">
                  {s.opportunity.code}
                </Text>
              ) : null}
            </Group>
            <Text fw={600}>{s.opportunity.title}</Text>
            {s.opportunity.owner || s.opportunity.department ? (
              <Text size="sm" c="dimmed">
                {[
                  s.opportunity.owner
                    ? `${t('career.ui.opportunities.owner')}: ${s.opportunity.owner.name}`
                    : null,
                  s.opportunity.department
                    ? `${t('career.ui.opportunities.department')}: ${s.opportunity.department.name}`
                    : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            ) : null}
            <Text size="sm">
              {t('career.ui.manage.applications')}: {s.applications} · {t('career.ui.manage.interest')}:{' '}
              {s.interestSuppressed
                ? t('career.interest.suppressed', { k })
                : t('career.ui.manage.interestCount', { count: s.interest ?? 0 })}
            </Text>
            <Group gap="xs">
              <Button size="xs" variant="light" onClick={() => setViewing(s.opportunity)}>
                {t('career.ui.manage.showApplications')}
              </Button>
              {s.opportunity.abilities.edit ? (
                <>
                  <Button size="xs" variant="default" onClick={() => setEditing(s.opportunity)}>
                    {t('career.ui.edit')}
                  </Button>
                  <Button size="xs" variant="subtle" onClick={() => toggle.mutate(s.opportunity)}>
                    {s.opportunity.status === 'open'
                      ? t('career.ui.manage.close')
                      : t('career.ui.manage.reopen')}
                  </Button>
                </>
              ) : null}
            </Group>
          </Stack>
        </Card>
      ))}
      {items.length > 0 ? <LoadMore list={list} /> : null}
      {editing ? (
        <OpportunityForm opportunity={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      {viewing ? <ApplicationsModal opportunity={viewing} onClose={() => setViewing(null)} /> : null}
    </Stack>
  );
}

function ApplicationsModal({ opportunity, onClose }: { opportunity: OpportunityItem; onClose: () => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const list = useApplicationsTo(opportunity.id);
  return (
    <Modal opened onClose={onClose} size="lg" fullScreen={isMobile} title={opportunity.title}>
      {list.isPending ? <LoadingState /> : null}
      {list.isError ? <ErrorState error={list.error} /> : null}
      {list.data && list.data.items.length === 0 ? (
        <EmptyState>{t('career.ui.manage.noApplications')}</EmptyState>
      ) : null}
      <Stack gap="sm">
        {list.data?.items.map((a) => (
          <Card key={a.id} withBorder padding="sm" data-testid="application">
            <Group gap="xs">
              <Text fw={600}>{a.applicant.name}</Text>
              {a.applicant.departmentName ? <Text size="sm">{a.applicant.departmentName}</Text> : null}
              <Badge color={a.status === 'submitted' ? 'teal' : 'gray'}>
                {t(`career.applicationStatuses.${a.status}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {a.submittedAt.slice(0, 10)}
              </Text>
            </Group>
            {a.profile ? (
              <ProfileSnapshotView profile={a.profile} />
            ) : (
              <Text size="sm">{t('career.ui.manage.withdrawn')}</Text>
            )}
            {a.message ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {a.message}
              </Text>
            ) : null}
          </Card>
        ))}
      </Stack>
    </Modal>
  );
}

function OpportunityForm({
  opportunity: o,
  onClose,
}: {
  opportunity: OpportunityItem | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const qc = useQueryClient();
  const sep = t('career.companion.reasonSeparator');
  const [f, setF] = useState({
    code: o?.code ?? '',
    type: (o?.type ?? 'training') as OpportunityType,
    title: o?.title ?? '',
    description: o?.description ?? '',
    skillsRequired: o?.skillsRequired.map((s) => s.name).join(sep) ?? '',
    skillsGained: o?.skillsGained.map((s) => s.name).join(sep) ?? '',
    startsOn: o?.startsOn ?? '',
    endsOn: o?.endsOn ?? '',
    applyBy: o?.applyBy ?? '',
    capacity: o?.capacity ?? ('' as number | ''),
    timeShare: o?.timeShare ?? ('' as number | ''),
    departmentId: o?.department?.id ?? null,
    owner: o?.owner ? ({ ...o.owner, department: null } as PersonItem | null) : null,
  });
  const departments = useDepartments();
  const save = useMutation({
    mutationFn: () => {
      const keep = (names: string, refs: OpportunityItem['skillsGained'] | undefined) => {
        const parsed = parseSkillList(names);
        return parsed.map((p) => {
          const known = refs?.find((r) => r.name === p.name);
          return known ? skillInput(known) : p;
        });
      };
      const body = {
        code: f.code || null,
        type: f.type,
        title: f.title,
        description: f.description,
        skillsRequired: keep(f.skillsRequired, o?.skillsRequired),
        skillsGained: keep(f.skillsGained, o?.skillsGained),
        startsOn: f.startsOn || null,
        endsOn: f.endsOn || null,
        applyBy: f.applyBy || null,
        capacity: f.capacity === '' ? null : f.capacity,
        timeShare: f.type === 'gig' && f.timeShare !== '' ? f.timeShare : null,
        departmentId: f.departmentId,
        ownerId: f.owner?.id ?? null,
      };
      return o ? api.patch(`/api/opportunities/${o.id}`, body) : api.post('/api/opportunities', body);
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['career'] });
      notifications.show({ color: 'teal', message: t('career.ui.saved') });
      onClose();
    },
  });
  const errors = fieldErrors(save.error);
  const set = (k: keyof typeof f, v: unknown) => setF((x) => ({ ...x, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      fullScreen={isMobile}
      title={o ? t('career.ui.manage.editTitle') : t('career.ui.manage.createTitle')}
    >
      <form onSubmit={submit} onKeyDown={preventImeSubmit}>
        <Stack gap="xs">
          {save.isError ? (
            <Alert color="red">{errorMessage(save.error, t('errors.common.internal'))}</Alert>
          ) : null}
          <Select
            label={t('career.ui.manage.fields.type')}
            data={OPPORTUNITY_TYPES.map((ty) => ({ value: ty, label: t(`career.types.${ty}`) }))}
            value={f.type}
            allowDeselect={false}
            onChange={(v) => v && set('type', v)}
            error={errors.type}
          />
          <TextInput
            required
            label={t('career.ui.manage.fields.title')}
            value={f.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errors.title}
          />
          <TextInput
            label={t('career.ui.manage.fields.code')}
            value={f.code}
            onChange={(e) => set('code', e.currentTarget.value)}
            error={errors.code}
          />
          <Textarea
            autosize
            minRows={3}
            label={t('career.ui.manage.fields.description')}
            value={f.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={errors.description}
          />
          <Select
            label={t('career.ui.manage.fields.department')}
            data={departmentOptions(departments.data?.items ?? [])}
            value={f.departmentId}
            onChange={(v) => set('departmentId', v)}
            searchable
            clearable
            nothingFoundMessage={t('career.ui.manage.noDepartment')}
            error={errors.departmentId}
          />
          <PersonPicker
            label={t('career.ui.opportunities.owner')}
            description={t('career.ui.manage.fields.ownerHelp')}
            value={f.owner}
            onChange={(p) => set('owner', p)}
            error={errors.ownerId}
          />
          <TextInput
            label={t('career.ui.manage.fields.skillsRequired')}
            value={f.skillsRequired}
            onChange={(e) => set('skillsRequired', e.currentTarget.value)}
            error={errors.skillsRequired}
          />
          <TextInput
            label={t('career.ui.manage.fields.skillsGained')}
            value={f.skillsGained}
            onChange={(e) => set('skillsGained', e.currentTarget.value)}
            error={errors.skillsGained}
          />
          <Group grow wrap="wrap">
            <TextInput
              type="date"
              label={t('career.ui.manage.fields.startsOn')}
              value={f.startsOn}
              onChange={(e) => set('startsOn', e.currentTarget.value)}
              error={errors.startsOn}
            />
            <TextInput
              type="date"
              label={t('career.ui.manage.fields.endsOn')}
              value={f.endsOn}
              onChange={(e) => set('endsOn', e.currentTarget.value)}
              error={errors.endsOn}
            />
            <TextInput
              type="date"
              label={t('career.ui.manage.fields.applyBy')}
              value={f.applyBy}
              onChange={(e) => set('applyBy', e.currentTarget.value)}
              error={errors.applyBy}
            />
          </Group>
          <Group grow wrap="wrap">
            <NumberInput
              label={t('career.ui.manage.fields.capacity')}
              min={1}
              value={f.capacity}
              onChange={(v) => set('capacity', typeof v === 'number' ? v : '')}
              error={errors.capacity}
            />
            {f.type === 'gig' ? (
              <NumberInput
                label={t('career.ui.manage.fields.timeShare')}
                min={1}
                max={100}
                value={f.timeShare}
                onChange={(v) => set('timeShare', typeof v === 'number' ? v : '')}
                error={errors.timeShare}
              />
            ) : null}
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('career.ui.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('career.ui.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** opportunities.csv: checked row by row on the server; every problem listed with line and column. */
function CsvImport() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [dryRun, setDryRun] = useState(true);
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: async () =>
      api.post<ImportCounts & { dryRun: boolean }>('/api/opportunities/import', {
        csv: await file!.text(),
        dryRun,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['career'] }),
  });
  const issues: FieldIssue[] =
    run.error instanceof ApiError ? [...run.error.fields].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) : [];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="career-import-title">
      <Stack gap="xs">
        <Title order={2} size="h5" id="career-import-title">
          {t('career.ui.manage.importTitle')}
        </Title>
        <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {t('career.ui.manage.columns', { columns: OPPORTUNITY_CSV_COLUMNS.join(',') })}
        </Text>
        <Group gap="sm" wrap="wrap">
          <FileButton onChange={setFile} accept=".csv,text/csv">
            {(props) => (
              <Button variant="default" {...props}>
                {file ? file.name : t('career.ui.manage.importFile')}
              </Button>
            )}
          </FileButton>
          <Checkbox
            label={t('career.ui.manage.dryRun')}
            checked={dryRun}
            onChange={(e) => setDryRun(e.currentTarget.checked)}
          />
          <Button disabled={!file} loading={run.isPending} onClick={() => run.mutate()}>
            {t('career.ui.manage.importRun')}
          </Button>
        </Group>
        {run.data ? (
          <Alert color="teal">
            {t(run.data.dryRun ? 'career.ui.manage.importChecked' : 'career.ui.manage.importDone', {
              created: run.data.created,
              updated: run.data.updated,
              unchanged: run.data.unchanged,
            })}
          </Alert>
        ) : null}
        {run.isError ? (
          <Alert color="red" title={t('admin.import.failedTitle')}>
            {errorMessage(run.error, t('errors.common.internal'))}
          </Alert>
        ) : null}
        {issues.length > 0 ? (
          <Table.ScrollContainer minWidth={340}>
            <Table striped verticalSpacing="xs" data-testid="import-issues">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.import.issueColumns.file')}</Table.Th>
                  <Table.Th>{t('admin.import.issueColumns.line')}</Table.Th>
                  <Table.Th>{t('admin.import.issueColumns.column')}</Table.Th>
                  <Table.Th>{t('admin.import.issueColumns.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {issues.map((issue, i) => (
                  <Table.Tr key={`${issue.line ?? ''}-${issue.field}-${i}`}>
                    <Table.Td>{issue.file ? `${issue.file}.csv` : '—'}</Table.Td>
                    <Table.Td>{issue.line ?? '—'}</Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {issue.field || '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>{issue.message ?? t(`errors.field.${issue.code}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </Card>
  );
}
