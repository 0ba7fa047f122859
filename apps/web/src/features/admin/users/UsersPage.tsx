import { useState } from 'react';
import {
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useIsMobile } from '../../../components/useIsMobile.ts';
import { useTranslation } from 'react-i18next';
import { USER_ROLE_FILTERS, USER_STATUSES, type AdminUser } from '@engawa/shared';
import { EmptyState, ErrorState, LoadingState } from '../../../components/QueryStates.tsx';
import { useAdminUsers, type UserFilters } from '../api.ts';
import { useDepartments } from '../../../api/departments.ts';
import { departmentOptions } from '../../../components/departmentTree.ts';
import { UserFormModal } from './UserFormModal.tsx';
import { PasswordModal } from './PasswordModal.tsx';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: AdminUser } | { kind: 'password'; user: AdminUser };

/** 管理 › ユーザー: find people, page through them, add, edit and set passwords. */
export function UsersPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [status, setStatus] = useState<UserFilters['status']>('active');
  const [role, setRole] = useState<UserFilters['role']>('');
  const [departmentId, setDepartmentId] = useState('');
  // The dialog stays set while it closes, so its title and content do not change mid-animation.
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const open = (d: Dialog) => {
    setDialog(d);
    setDialogOpen(true);
  };
  const closeDialog = () => setDialogOpen(false);

  const isMobile = useIsMobile();
  const departments = useDepartments();
  const users = useAdminUsers({ q: debouncedQ, status, role, departmentId });
  const items = users.data?.pages.flatMap((p) => p.items) ?? [];
  const total = users.data?.pages.at(-1)?.total ?? 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Group gap="sm" align="flex-end" style={{ flex: '1 1 auto' }}>
          <TextInput
            type="search"
            label={t('common.search')}
            placeholder={t('admin.users.searchPlaceholder')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={{ base: '100%', xs: 260 }}
          />
          <NativeSelect
            label={t('admin.users.status')}
            data={USER_STATUSES.map((s) => ({ value: s, label: t(`admin.users.statuses.${s}`) }))}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as UserFilters['status'])}
            w={130}
          />
          <NativeSelect
            label={t('admin.users.role')}
            data={[
              { value: '', label: t('admin.users.allRoles') },
              ...USER_ROLE_FILTERS.map((r) => ({ value: r, label: t(`shell.roles.${r}`) })),
            ]}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as UserFilters['role'])}
            w={170}
          />
          <Select
            label={t('admin.users.department')}
            placeholder={t('admin.users.allDepartments')}
            data={departmentOptions(departments.data?.items ?? [])}
            value={departmentId || null}
            onChange={(v) => setDepartmentId(v ?? '')}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('admin.clear') }}
            nothingFoundMessage={t('admin.nothingFound')}
            w={{ base: '100%', xs: 240 }}
          />
        </Group>
        <Button onClick={() => open({ kind: 'create' })}>{t('admin.users.create')}</Button>
      </Group>

      {users.isPending ? (
        <LoadingState />
      ) : users.isError && items.length === 0 ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{t('admin.users.empty')}</EmptyState>
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('admin.users.showing', { shown: items.length, total })}
          </Text>
          {isMobile ? (
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {items.map((user) => (
                <Card key={user.id} withBorder padding="sm" component="li">
                  <UserIdentity user={user} />
                  <Group gap={6} mt={6}>
                    <Text size="xs" c="dimmed">
                      {user.departmentName ?? t('admin.users.noDepartment')}
                    </Text>
                    <RoleBadges user={user} />
                    <StatusBadges user={user} />
                  </Group>
                  <Group mt="xs">
                    <UserActions
                      user={user}
                      onEdit={() => open({ kind: 'edit', user })}
                      onPassword={() => open({ kind: 'password', user })}
                    />
                  </Group>
                </Card>
              ))}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={820}>
              <Table striped highlightOnHover verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('admin.users.columns.name')}</Table.Th>
                    <Table.Th>{t('admin.users.columns.department')}</Table.Th>
                    <Table.Th>{t('admin.users.columns.roles')}</Table.Th>
                    <Table.Th>{t('admin.users.columns.status')}</Table.Th>
                    <Table.Th>{t('admin.users.columns.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((user) => (
                    <Table.Tr key={user.id}>
                      <Table.Td>
                        <UserIdentity user={user} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{user.departmentName ?? t('admin.users.noDepartment')}</Text>
                      </Table.Td>
                      <Table.Td>
                        <RoleBadges user={user} />
                      </Table.Td>
                      <Table.Td>
                        <StatusBadges user={user} />
                      </Table.Td>
                      <Table.Td>
                        <UserActions
                          user={user}
                          onEdit={() => open({ kind: 'edit', user })}
                          onPassword={() => open({ kind: 'password', user })}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {users.isError ? (
            <ErrorState error={users.error} onRetry={() => void users.fetchNextPage()} />
          ) : null}
          {users.hasNextPage ? (
            <Group justify="center">
              <Button
                variant="default"
                onClick={() => void users.fetchNextPage()}
                loading={users.isFetchingNextPage}
              >
                {t('admin.users.loadMore')}
              </Button>
            </Group>
          ) : null}
        </>
      )}

      <UserFormModal
        opened={dialogOpen && (dialog?.kind === 'create' || dialog?.kind === 'edit')}
        user={dialog?.kind === 'edit' ? dialog.user : null}
        departments={departments.data?.items ?? []}
        onClose={closeDialog}
      />
      <PasswordModal
        opened={dialogOpen && dialog?.kind === 'password'}
        user={dialog?.kind === 'password' ? dialog.user : null}
        onClose={closeDialog}
      />
    </Stack>
  );
}

function UserIdentity({ user }: { user: AdminUser }) {
  return (
    <>
      <Text size="sm" fw={600}>
        {user.name}
        {user.nameKana ? (
          <Text span size="xs" c="dimmed" fw={400} ml={6}>
            {user.nameKana}
          </Text>
        ) : null}
      </Text>
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {user.email}
      </Text>
      {user.title ? (
        <Text size="xs" c="dimmed">
          {user.title}
        </Text>
      ) : null}
    </>
  );
}

function RoleBadges({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} preventGrowOverflow={false}>
      {user.isManager ? (
        <Badge size="sm" variant="light" color="grape">
          {t('shell.roles.manager')}
        </Badge>
      ) : null}
      {user.roles.map((r) => (
        <Badge key={r} size="sm" variant="light">
          {t(`shell.roles.${r}`)}
        </Badge>
      ))}
      {!user.isManager && user.roles.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t('shell.roles.employee')}
        </Text>
      ) : null}
    </Group>
  );
}

function StatusBadges({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} preventGrowOverflow={false}>
      <Badge size="sm" color={user.disabled ? 'red' : 'teal'} variant={user.disabled ? 'filled' : 'light'}>
        {user.disabled ? t('admin.users.statuses.disabled') : t('admin.users.statuses.active')}
      </Badge>
      {user.sso ? (
        <Badge size="sm" color="blue" variant="outline">
          {t('admin.users.sso')}
        </Badge>
      ) : null}
      {!user.hasPassword ? (
        <Badge size="sm" color="gray" variant="outline">
          {t('admin.users.noPassword')}
        </Badge>
      ) : null}
    </Group>
  );
}

function UserActions({
  user,
  onEdit,
  onPassword,
}: {
  user: AdminUser;
  onEdit: () => void;
  onPassword: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" preventGrowOverflow={false}>
      <Button
        size="xs"
        variant="light"
        onClick={onEdit}
        aria-label={t('admin.users.editFor', { name: user.name })}
      >
        {t('common.edit')}
      </Button>
      <Button
        size="xs"
        variant="subtle"
        onClick={onPassword}
        aria-label={t('admin.users.setPasswordFor', { name: user.name })}
      >
        {t('admin.users.setPassword')}
      </Button>
    </Group>
  );
}
