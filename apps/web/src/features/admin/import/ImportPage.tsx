import { useId, useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  CloseButton,
  Group,
  Input,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import {
  LIMITS,
  type DEPARTMENT_CSV_COLUMNS,
  type FieldIssue,
  type OrgImportInput,
  type OrgImportResult,
  type USER_CSV_COLUMNS,
} from '@engawa/shared';
import type { TFunction } from 'i18next';
import { api } from '../../../api/client.ts';
import { ApiError, errorMessage } from '../../../api/errors.ts';
import { useInvalidateOrg } from '../api.ts';
import { CSV_KINDS, CSV_SPEC, csvFileLabel, csvTemplateHref, type CsvKind } from './csvTemplates.ts';
import { sortIssues } from './issues.ts';

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * 管理 › CSV取り込み: departments.csv and/or users.csv, read as UTF-8 text in the browser and sent
 * to the server, which checks every row before changing anything. A dry run only checks.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const invalidate = useInvalidateOrg();
  const [files, setFiles] = useState<Record<CsvKind, File | null>>({ departments: null, users: null });
  const [dryRun, setDryRun] = useState(false);
  const [missing, setMissing] = useState(false);

  const run = useMutation({
    mutationFn: async (input: { files: Record<CsvKind, File | null>; dryRun: boolean }) => {
      const body: OrgImportInput = { dryRun: input.dryRun };
      if (input.files.departments) body.departmentsCsv = await input.files.departments.text();
      if (input.files.users) body.usersCsv = await input.files.users.text();
      return api.post<OrgImportResult>('/api/admin/import', body);
    },
    onSuccess: async (result) => {
      notifications.show({
        color: 'teal',
        message: result.dryRun ? t('admin.import.dryRunDone') : t('admin.import.done'),
      });
      if (!result.dryRun) await invalidate();
    },
  });

  const tooLarge = CSV_KINDS.filter((k) => (files[k]?.size ?? 0) > LIMITS.csvMaxBytes);
  const setFile = (kind: CsvKind, file: File | null) => {
    setFiles((f) => ({ ...f, [kind]: file }));
    setMissing(false);
    run.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!files.departments && !files.users) {
      setMissing(true);
      return;
    }
    if (tooLarge.length > 0) return;
    run.mutate({ files, dryRun });
  };

  return (
    <Stack gap="lg">
      <Text size="sm">{t('admin.import.intro')}</Text>

      <Card withBorder padding="lg" component="section" aria-labelledby="import-upload-title">
        <Title order={2} size="h4" mb="sm" id="import-upload-title">
          {t('admin.import.uploadTitle')}
        </Title>
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {CSV_KINDS.map((kind) => (
                <CsvFileField
                  key={kind}
                  kind={kind}
                  file={files[kind]}
                  onChange={(file) => setFile(kind, file)}
                  error={
                    tooLarge.includes(kind)
                      ? t('admin.import.fileTooLarge', { max: formatBytes(LIMITS.csvMaxBytes) })
                      : undefined
                  }
                />
              ))}
            </SimpleGrid>
            {missing ? (
              <Alert color="orange" role="alert">
                {t('admin.import.needFile')}
              </Alert>
            ) : null}
            <Checkbox
              label={t('admin.import.dryRun')}
              description={t('admin.import.dryRunHelp')}
              checked={dryRun}
              onChange={(e) => {
                setDryRun(e.currentTarget.checked);
                run.reset();
              }}
            />
            <Group>
              <Button type="submit" loading={run.isPending}>
                {t('admin.import.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>

      {run.isSuccess ? (
        <ImportResult result={run.data} sent={CSV_KINDS.filter((k) => !!run.variables.files[k])} />
      ) : null}
      {run.isError ? <ImportFailure error={run.error} /> : null}

      <Card withBorder padding="lg" component="section" aria-labelledby="import-columns-title">
        <Title order={2} size="h4" mb="xs" id="import-columns-title">
          {t('admin.import.columnsTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('admin.import.columnsHelp')}
        </Text>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          {CSV_KINDS.map((kind) => (
            <ColumnsTable key={kind} kind={kind} />
          ))}
        </SimpleGrid>
      </Card>
    </Stack>
  );
}

/**
 * A CSV picker: a real file input (labelled, keyboard-focusable, what test drivers and screen
 * readers use) shown as a Japanese "choose file" button, and a drop target for a dragged file.
 */
function CsvFileField({
  kind,
  file,
  onChange,
  error,
}: {
  kind: CsvKind;
  file: File | null;
  onChange: (file: File | null) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  return (
    <Input.Wrapper
      label={t(`admin.import.files.${kind}`)}
      labelProps={{ htmlFor: id }}
      description={t('admin.import.fileHelp', { max: formatBytes(LIMITS.csvMaxBytes) })}
      error={error}
    >
      <div
        className="engawa-drop"
        data-dragging={dragging || undefined}
        data-invalid={error ? true : undefined}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const dropped = e.dataTransfer.files[0];
          if (dropped) onChange(dropped);
        }}
      >
        <input
          ref={input}
          id={id}
          type="file"
          accept=".csv,text/csv"
          className="engawa-file-input"
          aria-invalid={!!error}
          onChange={(e) => onChange(e.currentTarget.files?.[0] ?? null)}
        />
        <Group gap="sm" wrap="nowrap" className="engawa-file-row">
          <Button component="label" htmlFor={id} variant="default" size="xs" className="engawa-file-button">
            {t('admin.import.chooseFile')}
          </Button>
          <Text size="sm" c={file ? undefined : 'dimmed'} truncate style={{ minWidth: 0, flex: 1 }}>
            {file
              ? t('admin.import.selected', { name: file.name, size: formatBytes(file.size) })
              : t('admin.import.noFile')}
          </Text>
          {file ? (
            <CloseButton
              size="sm"
              aria-label={t('admin.import.clearFile', { name: file.name })}
              onClick={() => {
                if (input.current) input.current.value = '';
                onChange(null);
              }}
            />
          ) : null}
        </Group>
      </div>
    </Input.Wrapper>
  );
}

function ImportResult({ result, sent }: { result: OrgImportResult; sent: CsvKind[] }) {
  const { t } = useTranslation();
  return (
    <Alert
      color={result.dryRun ? 'blue' : 'teal'}
      title={result.dryRun ? t('admin.import.dryRunResultTitle') : t('admin.import.resultTitle')}
      role="status"
    >
      <Stack gap={4}>
        {sent.map((kind) => (
          <Text size="sm" key={kind}>
            {t(`admin.import.counts.${kind}`, {
              created: result[kind].created,
              updated: result[kind].updated,
              unchanged: result[kind].unchanged ?? 0,
            })}
          </Text>
        ))}
        {result.dryRun ? <Text size="sm">{t('admin.import.dryRunNext')}</Text> : null}
      </Stack>
    </Alert>
  );
}

/** The server's message and, for an invalid CSV, every issue it reported, in its order. */
function ImportFailure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const issues: FieldIssue[] = error instanceof ApiError ? sortIssues(error.fields) : [];
  return (
    <Stack gap="sm">
      <Alert color="red" title={t('admin.import.failedTitle')}>
        {errorMessage(error, t('errors.common.internal'))}
      </Alert>
      {issues.length > 0 ? (
        <Card withBorder padding="md" component="section" aria-labelledby="import-issues-title">
          <Title order={3} size="h5" mb="sm" id="import-issues-title">
            {t('admin.import.issuesTitle', { count: issues.length })}
          </Title>
          <Table.ScrollContainer minWidth={560}>
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
                  <Table.Tr key={`${issue.file ?? ''}-${issue.line ?? ''}-${issue.field}-${i}`}>
                    <Table.Td>{csvFileLabel(issue.file) || '—'}</Table.Td>
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
        </Card>
      ) : null}
    </Stack>
  );
}

/** The expected columns of one file, which are required, and its template for download. */
function ColumnsTable({ kind }: { kind: CsvKind }) {
  const { t } = useTranslation();
  const spec = CSV_SPEC[kind];
  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="xs">
        <Text fw={700} ff="monospace">
          {spec.fileName}
        </Text>
        <Anchor href={csvTemplateHref(kind)} download={spec.fileName} size="sm">
          {t('admin.import.template', { file: spec.fileName })}
        </Anchor>
      </Group>
      <Table.ScrollContainer minWidth={360}>
        <Table withTableBorder verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.import.columnName')}</Table.Th>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('admin.import.columnRequired')}</Table.Th>
              <Table.Th>{t('admin.import.columnMeaning')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {spec.columns.map((column) => {
              const required = spec.required.includes(column);
              return (
                <Table.Tr key={column}>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {column}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="xs" fw={required ? 700 : 400} c={required ? 'red.8' : 'dimmed'}>
                      {required ? t('admin.import.required') : t('admin.import.optional')}
                    </Text>
                  </Table.Td>
                  <Table.Td>{columnHelp(t, kind, column)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** What a column means, from the catalogs (columns come from the shared CSV contract). */
function columnHelp(t: TFunction, kind: CsvKind, column: string): string {
  return kind === 'departments'
    ? t(`admin.import.columns.departments.${column as (typeof DEPARTMENT_CSV_COLUMNS)[number]}`)
    : t(`admin.import.columns.users.${column as (typeof USER_CSV_COLUMNS)[number]}`);
}
