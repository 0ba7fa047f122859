import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import {
  LIMITS,
  STORED_ROLES,
  type AdminUser,
  type AdminUserCreateInput,
  type AdminUserUpdateInput,
  type DepartmentItem,
  type StoredRole,
} from '@engawa/shared';
import { api } from '../../../api/client.ts';
import { formError } from '../../../api/errors.ts';
import { useFieldErrors } from '../../../components/useFieldErrors.ts';
import { preventImeSubmit } from '../../../components/ime.ts';
import { useInvalidateOrg } from '../api.ts';
import { departmentOptions } from '../../../components/departmentTree.ts';
import { userChanges, type UserDraft } from './userChanges.ts';

const USER_INPUTS = [
  'name',
  'email',
  'nameKana',
  'nameEn',
  'title',
  'departmentId',
  'roles',
  'disabled',
  'password',
];

function draftOf(user: AdminUser | null): UserDraft {
  return {
    name: user?.name ?? '',
    email: user?.email ?? '',
    nameKana: user?.nameKana ?? '',
    nameEn: user?.nameEn ?? '',
    title: user?.title ?? '',
    departmentId: user?.departmentId ?? null,
    roles: user?.roles ?? [],
    disabled: user?.disabled ?? false,
    password: '',
  };
}

/** Adds a user (user = null) or edits one; only changed fields are sent on edit. */
export function UserFormModal({
  opened,
  user,
  departments,
  onClose,
}: {
  opened: boolean;
  user: AdminUser | null;
  departments: DepartmentItem[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={user ? t('admin.users.editTitle', { name: user.name }) : t('admin.users.createTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {/* The modal mounts its content on open, so every opening starts from a fresh form. */}
      <UserForm user={user} departments={departments} onClose={onClose} />
    </Modal>
  );
}

function UserForm({
  user,
  departments,
  onClose,
}: {
  user: AdminUser | null;
  departments: DepartmentItem[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const invalidate = useInvalidateOrg();
  const [draft, setDraft] = useState<UserDraft>(() => draftOf(user));

  const save = useMutation({
    mutationFn: async (d: UserDraft) => {
      if (!user) {
        const body: AdminUserCreateInput = {
          email: d.email,
          name: d.name,
          nameKana: d.nameKana,
          nameEn: d.nameEn,
          title: d.title,
          departmentId: d.departmentId,
          roles: d.roles,
          ...(d.password ? { password: d.password } : {}),
        };
        return api.post<AdminUser>('/api/admin/users', body);
      }
      const body: AdminUserUpdateInput = userChanges(draftOf(user), d);
      if (Object.keys(body).length === 0) return user;
      return api.patch<AdminUser>(`/api/admin/users/${encodeURIComponent(user.id)}`, body);
    },
    onSuccess: async () => {
      notifications.show({
        color: 'teal',
        message: user ? t('admin.users.updated') : t('admin.users.created'),
      });
      onClose();
      await invalidate();
    },
  });

  const { errors, touch } = useFieldErrors(save.error);
  const generalError = formError(save.error, USER_INPUTS, t('errors.common.internal'));
  const set = <K extends keyof UserDraft>(key: K, value: UserDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    touch(key);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(draft);
  };

  return (
    <form onSubmit={onSubmit} onKeyDown={preventImeSubmit} noValidate>
      <Stack gap="sm">
        {generalError ? (
          <Alert color="red" role="alert">
            {generalError}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('admin.users.fields.name')}
            required
            maxLength={LIMITS.nameMax}
            value={draft.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
          <TextInput
            label={t('admin.users.fields.email')}
            type="email"
            required
            maxLength={LIMITS.emailMax}
            value={draft.email}
            onChange={(e) => set('email', e.currentTarget.value)}
            error={errors.email}
          />
          <TextInput
            label={t('admin.users.fields.nameKana')}
            maxLength={LIMITS.nameMax}
            value={draft.nameKana}
            onChange={(e) => set('nameKana', e.currentTarget.value)}
            error={errors.nameKana}
          />
          <TextInput
            label={t('admin.users.fields.nameEn')}
            maxLength={LIMITS.nameMax}
            value={draft.nameEn}
            onChange={(e) => set('nameEn', e.currentTarget.value)}
            error={errors.nameEn}
          />
          <TextInput
            label={t('admin.users.fields.title')}
            maxLength={LIMITS.titleMax}
            value={draft.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errors.title}
          />
          <Select
            label={t('admin.users.fields.department')}
            placeholder={t('admin.users.noDepartment')}
            data={departmentOptions(departments)}
            value={draft.departmentId}
            onChange={(v) => set('departmentId', v)}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('admin.clear') }}
            nothingFoundMessage={t('admin.nothingFound')}
            error={errors.departmentId}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t('admin.users.fields.roles')}
          description={t('admin.users.fields.rolesHelp')}
          value={draft.roles}
          onChange={(v) => set('roles', v as StoredRole[])}
          error={errors.roles}
        >
          <Group gap="lg" mt="xs">
            {STORED_ROLES.map((r) => (
              <Checkbox key={r} value={r} label={t(`shell.roles.${r}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        {user ? (
          <Switch
            label={t('admin.users.fields.disabled')}
            description={t('admin.users.fields.disabledHelp')}
            checked={draft.disabled}
            onChange={(e) => set('disabled', e.currentTarget.checked)}
            error={errors.disabled}
            color="red"
          />
        ) : (
          <PasswordInput
            label={t('admin.users.fields.initialPassword')}
            description={t('admin.users.fields.passwordHelp', { min: LIMITS.passwordMin })}
            autoComplete="new-password"
            maxLength={LIMITS.passwordMax}
            value={draft.password}
            onChange={(e) => set('password', e.currentTarget.value)}
            error={errors.password}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
          />
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {user ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
