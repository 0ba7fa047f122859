import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useUserSearch } from '../api.ts';

/**
 * Picks a department's manager from the users, searching the server as the admin types (a company
 * has too many people for one list). The current manager stays selectable while searching.
 */
export function ManagerPicker({
  value,
  currentName,
  onChange,
  error,
}: {
  value: string | null;
  /** Name of the manager in `value`, known from the department list. */
  currentName: string | null;
  onChange: (id: string | null, name: string | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(currentName ?? '');
  const [debounced] = useDebouncedValue(search, 250);
  // Showing the selected name in the box is not a search: list everyone then.
  const q = value && debounced === currentName ? '' : debounced;
  const users = useUserSearch(q);

  const options = (users.data?.items ?? []).map((u) => ({
    value: u.id,
    label: u.departmentName ? `${u.name}（${u.departmentName}）` : u.name,
    name: u.name,
  }));
  if (value && currentName && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: currentName, name: currentName });
  }

  return (
    <Select
      label={t('admin.departments.fields.manager')}
      placeholder={t('admin.departments.fields.managerPlaceholder')}
      data={options.map(({ value: v, label }) => ({ value: v, label }))}
      value={value}
      onChange={(id) => {
        const picked = options.find((o) => o.value === id);
        onChange(id, picked?.name ?? null);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered by name, kana and e-mail; do not filter its answer again.
      filter={({ options: all }) => all}
      clearable
      clearButtonProps={{ 'aria-label': t('admin.clear') }}
      nothingFoundMessage={users.isFetching ? t('common.loading') : t('admin.nothingFound')}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
