import { useMemo, useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import {
  LIMITS,
  type DepartmentCreateInput,
  type DepartmentItem,
  type DepartmentUpdateInput,
} from '@engawa/shared';
import { api } from '../../../api/client.ts';
import { formError } from '../../../api/errors.ts';
import { useFieldErrors } from '../../../components/useFieldErrors.ts';
import { preventImeSubmit } from '../../../components/ime.ts';
import { useInvalidateOrg } from '../api.ts';
import { departmentOptions, selfAndDescendants } from '../../../components/departmentTree.ts';
import { ManagerPicker } from './ManagerPicker.tsx';

interface Draft {
  code: string;
  name: string;
  nameEn: string;
  parentId: string | null;
  managerId: string | null;
  managerName: string | null;
  sortOrder: number | '';
}

const INPUTS = ['code', 'name', 'nameEn', 'parentId', 'managerId', 'sortOrder'];

function draftOf(d: DepartmentItem | null): Draft {
  return {
    code: d?.code ?? '',
    name: d?.name ?? '',
    nameEn: d?.nameEn ?? '',
    parentId: d?.parentId ?? null,
    managerId: d?.managerId ?? null,
    managerName: d?.managerName ?? null,
    sortOrder: d?.sortOrder ?? '',
  };
}

/** The fields of a create, or only what changed for an edit. */
function bodyOf(before: DepartmentItem | null, d: Draft): DepartmentCreateInput | DepartmentUpdateInput {
  const full: DepartmentCreateInput = {
    code: d.code,
    name: d.name,
    nameEn: d.nameEn,
    parentId: d.parentId,
    managerId: d.managerId,
    ...(d.sortOrder === '' ? {} : { sortOrder: d.sortOrder }),
  };
  if (!before) return full;
  const changes: DepartmentUpdateInput = {};
  if (d.code.trim() !== before.code) changes.code = d.code;
  if (d.name.trim() !== before.name) changes.name = d.name;
  if (d.nameEn.trim() !== (before.nameEn ?? '')) changes.nameEn = d.nameEn;
  if (d.parentId !== before.parentId) changes.parentId = d.parentId;
  if (d.managerId !== before.managerId) changes.managerId = d.managerId;
  if (d.sortOrder !== '' && d.sortOrder !== before.sortOrder) changes.sortOrder = d.sortOrder;
  return changes;
}

/** Adds a department (department = null) or edits one: code, names, parent and manager. */
export function DepartmentFormModal({
  opened,
  department,
  departments,
  onClose,
}: {
  opened: boolean;
  department: DepartmentItem | null;
  departments: DepartmentItem[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        department
          ? t('admin.departments.editTitle', { name: department.name })
          : t('admin.departments.createTitle')
      }
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {/* The modal mounts its content on open, so every opening starts from a fresh form. */}
      <DepartmentForm department={department} departments={departments} onClose={onClose} />
    </Modal>
  );
}

function DepartmentForm({
  department,
  departments,
  onClose,
}: {
  department: DepartmentItem | null;
  departments: DepartmentItem[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const invalidate = useInvalidateOrg();
  const [draft, setDraft] = useState<Draft>(() => draftOf(department));
  const parents = useMemo(
    () =>
      departmentOptions(
        departments,
        department ? selfAndDescendants(departments, department.id) : new Set<string>(),
      ),
    [departments, department],
  );

  const save = useMutation({
    mutationFn: async (d: Draft) => {
      const body = bodyOf(department, d);
      if (!department) return api.post<DepartmentItem>('/api/admin/departments', body);
      if (Object.keys(body).length === 0) return department;
      return api.patch<DepartmentItem>(`/api/admin/departments/${encodeURIComponent(department.id)}`, body);
    },
    onSuccess: async () => {
      notifications.show({
        color: 'teal',
        message: department ? t('admin.departments.updated') : t('admin.departments.created'),
      });
      onClose();
      await invalidate();
    },
  });

  const { errors, touch } = useFieldErrors(save.error);
  const generalError = formError(save.error, INPUTS, t('errors.common.internal'));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
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
            label={t('admin.departments.fields.name')}
            required
            maxLength={LIMITS.departmentNameMax}
            value={draft.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
          <TextInput
            label={t('admin.departments.fields.code')}
            description={t('admin.departments.fields.codeHelp')}
            required
            maxLength={LIMITS.departmentCodeMax}
            value={draft.code}
            onChange={(e) => set('code', e.currentTarget.value)}
            error={errors.code}
          />
          <TextInput
            label={t('admin.departments.fields.nameEn')}
            maxLength={LIMITS.departmentNameMax}
            value={draft.nameEn}
            onChange={(e) => set('nameEn', e.currentTarget.value)}
            error={errors.nameEn}
          />
          <Select
            label={t('admin.departments.fields.parent')}
            placeholder={t('admin.departments.fields.parentNone')}
            data={parents}
            value={draft.parentId}
            onChange={(v) => set('parentId', v)}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('admin.clear') }}
            nothingFoundMessage={t('admin.nothingFound')}
            error={errors.parentId}
            comboboxProps={{ withinPortal: true }}
          />
          <ManagerPicker
            value={draft.managerId}
            currentName={draft.managerName}
            onChange={(id, name) => {
              setDraft((d) => ({ ...d, managerId: id, managerName: name }));
              touch('managerId');
            }}
            error={errors.managerId}
          />
          <NumberInput
            label={t('admin.departments.fields.sortOrder')}
            description={t('admin.departments.fields.sortOrderHelp')}
            value={draft.sortOrder}
            onChange={(v) => set('sortOrder', typeof v === 'number' ? v : v === '' ? '' : Number(v))}
            allowDecimal={false}
            error={errors.sortOrder}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {department ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
