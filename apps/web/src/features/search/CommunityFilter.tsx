import { useEffect, useState } from 'react';
import { CloseButton, Combobox, InputBase, Loader, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useCommunity, useCommunitySearch } from '../community/api.ts';

/** Wait this long after the last keystroke before asking the server. */
const DEBOUNCE_MS = 250;

/**
 * Chooses one community to search in, among every community the reader can see (open ones and
 * their own private ones), by typing part of its name: the server searches
 * (`GET /api/communities?q=`, width, case and kana folded), so it works whatever the number of
 * communities. Empty means all communities. Keyboard: ↑/↓ move, Enter picks (the first suggestion
 * is pre-selected once the answer for exactly what is typed has arrived), Escape closes; Enter that
 * confirms a Japanese conversion (IME) picks nothing.
 */
export function CommunityFilter({
  value,
  onChange,
}: {
  value: string;
  onChange: (communityId: string | null) => void;
}) {
  const { t } = useTranslation();
  const selected = useCommunity(value);
  const selectedName = value
    ? (selected.data?.name ?? (selected.isError ? t('search.communityUnknown') : ''))
    : '';
  // null while not searching: the box shows the chosen community's name.
  const [search, setSearch] = useState<string | null>(null);
  const combobox = useCombobox({
    onDropdownClose: () => {
      combobox.resetSelectedOption();
      setSearch(null);
    },
  });
  const typed = (search ?? '').trim();
  const [debounced] = useDebouncedValue(typed, DEBOUNCE_MS);
  const results = useCommunitySearch(debounced, combobox.dropdownOpened);
  const options = results.data?.items ?? [];
  const fresh = !!results.data && !results.isPlaceholderData && debounced === typed;
  const busy = combobox.dropdownOpened && (results.isFetching || typed !== debounced);

  // Pre-select the first suggestion only for an answer to exactly what is typed.
  const firstId = fresh && typed ? options[0]?.id : undefined;
  useEffect(() => {
    if (firstId) combobox.selectFirstOption();
    else combobox.resetSelectedOption();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the store object is stable in behaviour
  }, [firstId]);

  const pick = (id: string) => {
    onChange(id);
    combobox.closeDropdown();
  };

  return (
    <Combobox store={combobox} onOptionSubmit={pick} withinPortal position="bottom-start">
      <Combobox.Target>
        <InputBase
          label={t('search.communityFilter')}
          placeholder={t('search.anyCommunity')}
          value={search ?? selectedName}
          autoComplete="off"
          w={260}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            combobox.openDropdown();
          }}
          onClick={() => combobox.openDropdown()}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          rightSection={
            busy ? (
              <Loader size={14} aria-hidden />
            ) : value ? (
              <CloseButton
                size="sm"
                aria-label={t('search.clearCommunity')}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => onChange(null)}
              />
            ) : (
              <Combobox.Chevron />
            )
          }
          rightSectionPointerEvents={value && !busy ? 'all' : 'none'}
        />
      </Combobox.Target>
      <Combobox.Dropdown aria-label={t('search.communityFilter')}>
        <Combobox.Options mah={320} style={{ overflowY: 'auto' }}>
          {options.length ? (
            options.map((c) => (
              <Combobox.Option value={c.id} key={c.id} active={c.id === value}>
                {c.name}
              </Combobox.Option>
            ))
          ) : (
            <Combobox.Empty>
              {busy ? t('search.communitySearching') : t('search.communityNothingFound')}
            </Combobox.Empty>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
