import { useMemo, useState } from 'react';
import { Alert, Box, Button, Card, Group, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { DepartmentItem } from '@engawa/shared';
import { api } from '../../../api/client.ts';
import { errorMessage } from '../../../api/errors.ts';
import { EmptyState, ErrorState, LoadingState } from '../../../components/QueryStates.tsx';
import { useInvalidateOrg } from '../api.ts';
import { useDepartments } from '../../../api/departments.ts';
import { buildDepartmentTree, type DepartmentRow } from '../../../components/departmentTree.ts';
import { useIsMobile } from '../../../components/useIsMobile.ts';
import { DepartmentFormModal } from './DepartmentFormModal.tsx';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; department: DepartmentItem }
  | { kind: 'delete'; department: DepartmentItem };

/** 管理 › 部署: the department tree with managers and member counts; add, edit, delete. */
export function DepartmentsPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const departments = useDepartments();
  const items = useMemo(() => departments.data?.items ?? [], [departments.data]);
  const rows = useMemo(() => buildDepartmentTree(items), [items]);
  // The dialog stays set while it closes, so its title and content do not change mid-animation.
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const open = (d: Dialog) => {
    setDialog(d);
    setDialogOpen(true);
  };
  const closeDialog = () => setDialogOpen(false);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {departments.data ? t('admin.departments.count', { count: items.length }) : null}
        </Text>
        <Button onClick={() => open({ kind: 'create' })}>{t('admin.departments.create')}</Button>
      </Group>

      {departments.isPending ? (
        <LoadingState />
      ) : departments.isError ? (
        <ErrorState error={departments.error} onRetry={() => void departments.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState>{t('admin.departments.empty')}</EmptyState>
      ) : isMobile ? (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {rows.map((row) => {
            const d = row.department;
            return (
              <Card key={d.id} withBorder padding="sm" component="li" ml={Math.min(row.depth, 4) * 16}>
                <DepartmentName row={row} indent={false} />
                <Text size="xs" c="dimmed" mt={4}>
                  {[
                    d.code,
                    d.managerName ?? t('admin.departments.noManager'),
                    t('admin.departments.members', { count: d.memberCount }),
                  ].join(' · ')}
                </Text>
                <Group mt="xs">
                  <DepartmentActions
                    department={d}
                    onEdit={() => open({ kind: 'edit', department: d })}
                    onDelete={() => open({ kind: 'delete', department: d })}
                  />
                </Group>
              </Card>
            );
          })}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.departments.columns.name')}</Table.Th>
                <Table.Th>{t('admin.departments.columns.code')}</Table.Th>
                <Table.Th>{t('admin.departments.columns.manager')}</Table.Th>
                <Table.Th ta="right">{t('admin.departments.columns.members')}</Table.Th>
                <Table.Th>{t('admin.departments.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const d = row.department;
                return (
                  <Table.Tr key={d.id} data-depth={row.depth}>
                    <Table.Td>
                      <DepartmentName row={row} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {d.code}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={d.managerName ? undefined : 'dimmed'}>
                        {d.managerName ?? t('admin.departments.noManager')}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm">{t('admin.departments.members', { count: d.memberCount })}</Text>
                    </Table.Td>
                    <Table.Td>
                      <DepartmentActions
                        department={d}
                        onEdit={() => open({ kind: 'edit', department: d })}
                        onDelete={() => open({ kind: 'delete', department: d })}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <DepartmentFormModal
        opened={dialogOpen && (dialog?.kind === 'create' || dialog?.kind === 'edit')}
        department={dialog?.kind === 'edit' ? dialog.department : null}
        departments={items}
        onClose={closeDialog}
      />
      <DeleteDepartmentModal
        opened={dialogOpen && dialog?.kind === 'delete'}
        department={dialog?.kind === 'delete' ? dialog.department : null}
        onClose={closeDialog}
      />
    </Stack>
  );
}

/** The department's name, indented by its depth, with its English name and (for screen readers) its parents. */
function DepartmentName({ row, indent = true }: { row: DepartmentRow; indent?: boolean }) {
  const { t } = useTranslation();
  const { department: d, depth, path } = row;
  return (
    <Box pl={indent ? depth * 24 : 0} style={{ display: 'flex', gap: 6, alignItems: 'baseline' }}>
      {depth > 0 ? (
        <Text span c="dimmed" aria-hidden>
          └
        </Text>
      ) : null}
      <div>
        <Text size="sm" fw={depth === 0 ? 700 : 500}>
          {d.name}
        </Text>
        {d.nameEn ? (
          <Text size="xs" c="dimmed">
            {d.nameEn}
          </Text>
        ) : null}
        {depth > 0 ? (
          <VisuallyHidden>
            {t('admin.departments.under', { path: path.slice(0, -1).join(' / ') })}
          </VisuallyHidden>
        ) : null}
      </div>
    </Box>
  );
}

function DepartmentActions({
  department: d,
  onEdit,
  onDelete,
}: {
  department: DepartmentItem;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Button
        size="xs"
        variant="light"
        onClick={onEdit}
        aria-label={t('admin.departments.editFor', { name: d.name })}
      >
        {t('common.edit')}
      </Button>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        onClick={onDelete}
        aria-label={t('admin.departments.deleteFor', { name: d.name })}
      >
        {t('common.delete')}
      </Button>
    </Group>
  );
}

/** Asks before deleting; the server refuses departments that still have people or children. */
function DeleteDepartmentModal({
  opened,
  department,
  onClose,
}: {
  opened: boolean;
  department: DepartmentItem | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const invalidate = useInvalidateOrg();
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/api/admin/departments/${encodeURIComponent(id)}`),
    onSuccess: async () => {
      notifications.show({
        color: 'teal',
        message: t('admin.departments.deleted', { name: department?.name ?? '' }),
      });
      onClose();
      await invalidate();
    },
  });
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal
      opened={opened && !!department}
      onClose={close}
      title={t('admin.departments.deleteTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm">
        <Text>{t('admin.departments.deleteConfirm', { name: department?.name ?? '' })}</Text>
        {remove.error ? (
          <Alert color="red" role="alert">
            {errorMessage(remove.error, t('errors.common.internal'))}
          </Alert>
        ) : null}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => department && remove.mutate(department.id)}
          >
            {t('common.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
