import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Combobox, Group, Loader, Pill, PillsInput, Stack, Text, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { LIMITS, type PersonItem } from '@engawa/shared';
import { usePeopleSearch } from '../api/people.ts';
import { isImeEnter } from './ime.ts';
import { addPerson, isFresh, pickerOptions, pickerStatus, removePerson } from './personPicker.ts';

/** Wait this long after the last keystroke before asking the server (one request per pause, not per key). */
export const PERSON_SEARCH_DEBOUNCE_MS = 250;

interface PersonPickerCommonProps {
  /** Visible label; the input is labelled by it. */
  label: ReactNode;
  description?: ReactNode;
  /** Defaults to 「名前の一部を入力」 / "Type part of a name" (only shown while nobody is chosen). */
  placeholder?: string;
  /** An error under the input (e.g. the server's field message). */
  error?: ReactNode;
  /** Shows the required asterisk; the form decides what an empty choice means. */
  required?: boolean;
  disabled?: boolean;
  /** People never offered: the current user, existing members… (already chosen people are hidden anyway). */
  excludeIds?: readonly string[];
  /** Focus the input on mount (also inside a Mantine Modal, through `data-autofocus`). */
  autoFocus?: boolean;
}

/** One person (or nobody). */
export interface SinglePersonPickerProps extends PersonPickerCommonProps {
  multiple?: false;
  value: PersonItem | null;
  onChange: (person: PersonItem | null) => void;
}

/** Several people, in the order they were chosen. */
export interface MultiplePersonPickerProps extends PersonPickerCommonProps {
  multiple: true;
  value: readonly PersonItem[];
  onChange: (people: PersonItem[]) => void;
  /** Most people that can be chosen (e.g. the server's limit); the search stops offering more. */
  maxSelected?: number;
}

export type PersonPickerProps = SinglePersonPickerProps | MultiplePersonPickerProps;

/**
 * Chooses colleagues from the company directory (`GET /api/people`: active people, name and
 * department only), searching the server as the person types, so it works for a company of any
 * size and for anyone signed in. Chosen people show as removable chips. Keyboard: ↑/↓ move through
 * the suggestions, Enter picks (the first one is pre-selected once the answer for exactly what is
 * typed has arrived), Escape closes, Backspace in an empty box removes the last chip. Enter that
 * confirms a Japanese conversion (IME) never picks anyone, and Enter here never submits the form.
 */
export function PersonPicker(props: PersonPickerProps) {
  const { t } = useTranslation();
  const chosen: readonly PersonItem[] = props.multiple ? props.value : props.value ? [props.value] : [];
  const max = props.multiple ? (props.maxSelected ?? Infinity) : Infinity;
  const limitReached = chosen.length >= max;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, PERSON_SEARCH_DEBOUNCE_MS);
  const people = usePeopleSearch(debounced, !limitReached && !props.disabled);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });

  const options = pickerOptions(people.data?.items ?? [], chosen, props.excludeIds);
  const state = {
    search,
    debounced,
    isError: people.isError,
    isPlaceholderData: people.isPlaceholderData,
    hasAnswer: !!people.data,
    optionCount: options.length,
    limitReached,
  };
  const status = pickerStatus(state);
  const fresh = isFresh(state);
  const busy = !!search.trim() && (people.isFetching || search.trim() !== debounced.trim());

  // Pre-select the first suggestion only for an answer to exactly what is typed.
  const firstId = fresh ? options[0]?.id : undefined;
  useEffect(() => {
    if (firstId) combobox.selectFirstOption();
    else combobox.resetSelectedOption();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the store object is stable in behaviour
  }, [firstId]);

  const change = (next: PersonItem[]) => {
    if (props.multiple) props.onChange(next);
    else props.onChange(next[0] ?? null);
  };
  const pick = (id: string) => {
    const person = options.find((p) => p.id === id);
    if (!person) return;
    change(props.multiple ? addPerson(chosen, person, max) : [person]);
    setSearch('');
    combobox.closeDropdown();
  };
  const remove = (id: string) => change(removePerson(chosen, id));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter confirming an IME conversion belongs to the IME (the combobox ignores it as well);
    // any Enter here is for the picker, never an implicit submit of the surrounding form.
    if (event.key === 'Enter' || isImeEnter(event)) {
      event.preventDefault();
      return;
    }
    if (event.key === 'Backspace' && !search && chosen.length) {
      remove(chosen[chosen.length - 1]!.id);
    }
  };

  return (
    <Combobox store={combobox} onOptionSubmit={pick} withinPortal position="bottom-start">
      <Combobox.DropdownTarget>
        <PillsInput
          label={props.label}
          description={props.description}
          error={props.error}
          withAsterisk={props.required}
          disabled={props.disabled}
          rightSection={busy ? <Loader size={14} aria-hidden /> : null}
          onClick={() => {
            if (search.trim()) combobox.openDropdown();
          }}
        >
          <Pill.Group>
            {chosen.map((p) => (
              <Pill
                key={p.id}
                withRemoveButton={!props.disabled}
                onRemove={() => remove(p.id)}
                // Mantine hides the remove button from keyboards and screen readers; ours is reachable.
                removeButtonProps={{
                  'aria-label': t('common.personPicker.remove', { name: p.name }),
                  'aria-hidden': false,
                  tabIndex: 0,
                }}
                title={p.department?.name}
              >
                {p.name}
              </Pill>
            ))}
            <Combobox.EventsTarget>
              <PillsInput.Field
                value={search}
                maxLength={LIMITS.nameMax}
                placeholder={
                  chosen.length ? undefined : (props.placeholder ?? t('common.personPicker.placeholder'))
                }
                autoFocus={props.autoFocus}
                data-autofocus={props.autoFocus || undefined}
                autoComplete="off"
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setSearch(value);
                  combobox.resetSelectedOption();
                  if (value.trim()) combobox.openDropdown();
                  else combobox.closeDropdown();
                }}
                onFocus={() => {
                  if (search.trim()) combobox.openDropdown();
                }}
                onBlur={() => {
                  combobox.closeDropdown();
                  setSearch('');
                }}
                onKeyDown={onKeyDown}
              />
            </Combobox.EventsTarget>
          </Pill.Group>
        </PillsInput>
      </Combobox.DropdownTarget>

      <Combobox.Dropdown aria-label={t('common.personPicker.options')}>
        {status === 'results' ? (
          <>
            <Combobox.Options mah={320} style={{ overflowY: 'auto' }}>
              {options.map((p) => (
                <Combobox.Option value={p.id} key={p.id}>
                  <Stack gap={0}>
                    <Text size="sm" fw={500}>
                      {p.name}
                    </Text>
                    {/* Not c="dimmed": the pre-selected option is drawn on the primary colour. */}
                    <Text size="xs" style={{ opacity: 0.75 }}>
                      {p.department?.name ?? t('common.personPicker.noDepartment')}
                    </Text>
                  </Stack>
                </Combobox.Option>
              ))}
            </Combobox.Options>
            {fresh && people.data?.nextCursor ? (
              <Combobox.Footer>
                <Text size="xs" c="dimmed">
                  {t('common.personPicker.more')}
                </Text>
              </Combobox.Footer>
            ) : null}
          </>
        ) : (
          <Combobox.Empty>
            <PickerMessage status={status} max={max} />
          </Combobox.Empty>
        )}
      </Combobox.Dropdown>
    </Combobox>
  );
}

function PickerMessage({ status, max }: { status: ReturnType<typeof pickerStatus>; max: number }) {
  const { t } = useTranslation();
  if (status === 'loading') {
    return (
      <Group gap={6} justify="center" role="status">
        <Loader size={14} aria-hidden />
        <span>{t('common.personPicker.searching')}</span>
      </Group>
    );
  }
  const text =
    status === 'limit'
      ? t('common.personPicker.limitReached', { max })
      : status === 'error'
        ? t('common.personPicker.failed')
        : status === 'empty'
          ? t('common.personPicker.nothingFound')
          : t('common.personPicker.typeToSearch');
  return <span role={status === 'error' ? 'alert' : 'status'}>{text}</span>;
}
