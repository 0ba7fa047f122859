import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Combobox, Stack, Text, Textarea, useCombobox, type TextareaProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { findMentionQuery, insertMention } from '../mentions.ts';
import { useMentionCandidates, type MentionScope } from '../useMentionCandidates.ts';

type Props = Omit<TextareaProps, 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
  /** The community written in: who is offered depends on who can read it (see useMentionCandidates). */
  scope: MentionScope;
  onKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
};

/**
 * A Markdown textarea with an @mention picker: typing `@` and part of a name searches the server
 * as the person types (anyone in the company for an open community, its members for a private one);
 * ↑/↓ and Enter (or a click) insert `@[名前](user:ID)`. While the picker is closed, the arrow keys
 * and Enter behave as in any textarea; Enter that confirms a Japanese conversion (IME) never picks
 * anyone (nor sends).
 */
export function MentionTextarea({ value, onChange, scope, onKeyDown, ...rest }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const matches = useMentionCandidates(scope, mention ? mention.query : null);
  const open = matches.length > 0;
  const firstId = matches[0]?.id;

  useEffect(() => {
    if (open) {
      combobox.openDropdown();
      combobox.selectFirstOption();
    } else {
      combobox.closeDropdown();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the store object is stable in behaviour
  }, [open, mention?.query, firstId]);

  const follow = (text: string, caret: number | null) =>
    setMention(caret === null ? null : findMentionQuery(text, caret));

  const pick = (id: string) => {
    const person = matches.find((p) => p.id === id);
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
              <Stack gap={0}>
                <Text size="sm" fw={500}>
                  @{p.name}
                </Text>
                {p.department ? (
                  // Not c="dimmed": the selected option is drawn on the primary colour.
                  <Text size="xs" style={{ opacity: 0.75 }}>
                    {p.department.name}
                  </Text>
                ) : null}
              </Stack>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
