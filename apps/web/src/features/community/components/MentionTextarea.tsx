import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Combobox, Group, Text, Textarea, useCombobox, type TextareaProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { findMentionQuery, insertMention, matchPeople, type MentionPerson } from '../mentions.ts';

type Props = Omit<TextareaProps, 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
  /** Who can be mentioned here (the community's members). */
  people: readonly MentionPerson[];
  onKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
};

/**
 * A Markdown textarea with an @mention picker: typing `@` and part of a name lists matching
 * members; ↑/↓ and Enter (or a click) insert `@[名前](user:ID)`. While the picker is closed, the
 * arrow keys and Enter behave as in any textarea; Enter that confirms a Japanese conversion (IME)
 * never picks anyone.
 */
export function MentionTextarea({ value, onChange, people, onKeyDown, ...rest }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const matches = mention ? matchPeople(people, mention.query) : [];
  const open = matches.length > 0;

  useEffect(() => {
    if (open) {
      combobox.openDropdown();
      combobox.selectFirstOption();
    } else {
      combobox.closeDropdown();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the store object is stable in behaviour
  }, [open, mention?.query]);

  const follow = (text: string, caret: number | null) =>
    setMention(caret === null ? null : findMentionQuery(text, caret));

  const pick = (id: string) => {
    const person = people.find((p) => p.id === id);
    const el = ref.current;
    if (!person || !mention || !el) return;
    const r = insertMention(value, mention.start, el.selectionStart ?? value.length, person);
    onChange(r.text);
    setMention(null);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(r.caret, r.caret);
    });
  };

  return (
    <Combobox store={combobox} onOptionSubmit={pick} withinPortal position="bottom-start" width={280}>
      <Combobox.Target withKeyboardNavigation={open} withAriaAttributes={open}>
        <Textarea
          ref={ref}
          value={value}
          onChange={(e) => {
            onChange(e.currentTarget.value);
            follow(e.currentTarget.value, e.currentTarget.selectionStart);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && open) {
              e.stopPropagation();
              setMention(null);
              return;
            }
            onKeyDown?.(e);
          }}
          onKeyUp={(e) => {
            if (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home' || e.key === 'End')
              follow(e.currentTarget.value, e.currentTarget.selectionStart);
          }}
          onClick={(e) => follow(e.currentTarget.value, e.currentTarget.selectionStart)}
          onBlur={() => setMention(null)}
          autosize
          {...rest}
        />
      </Combobox.Target>
      <Combobox.Dropdown aria-label={t('community.composer.mentionPicker')}>
        <Combobox.Options>
          {matches.map((p) => (
            <Combobox.Option value={p.id} key={p.id}>
              <Group gap={6} wrap="nowrap">
                <Text size="sm" fw={500}>
                  @{p.name}
                </Text>
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
