import { useState, type FormEvent } from 'react';
import { Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COMPANION_LIMITS } from '@engawa/shared';
import { formError } from '../../api/errors.ts';
import { preventImeSubmit } from '../../components/ime.ts';
import { useFieldErrors } from '../../components/useFieldErrors.ts';

export interface NoteDraft {
  title: string;
  body: string;
}

/** Title and text of a private note (writing a new one, or editing one). */
export function NoteForm({
  initial,
  onSubmit,
  onCancel,
  pending,
  error,
  submitLabel,
}: {
  initial: NoteDraft;
  onSubmit: (draft: NoteDraft) => void;
  onCancel: () => void;
  pending: boolean;
  error: unknown;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const { errors, touch } = useFieldErrors(error);
  const general = formError(error, ['title', 'body'], t('errors.common.internal'));
  const tooLong = draft.body.length > COMPANION_LIMITS.noteBodyMax;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.body.trim() || tooLong || pending) return;
    onSubmit({ title: draft.title.trim(), body: draft.body });
  };

  return (
    <form onSubmit={submit} onKeyDown={preventImeSubmit}>
      <Stack gap="sm">
        <TextInput
          label={t('companion.notes.title')}
          placeholder={t('companion.notes.titlePlaceholder')}
          value={draft.title}
          onChange={(e) => {
            const title = e.currentTarget.value;
            setDraft((d) => ({ ...d, title }));
            touch('title');
          }}
          maxLength={COMPANION_LIMITS.noteTitleMax}
          error={errors.title}
        />
        <Textarea
          label={t('companion.notes.body')}
          description={t('companion.notes.bodyHelp')}
          value={draft.body}
          onChange={(e) => {
            const body = e.currentTarget.value;
            setDraft((d) => ({ ...d, body }));
            touch('body');
          }}
          autosize
          minRows={6}
          maxRows={20}
          required
          error={
            errors.body ??
            (tooLong ? t('companion.chat.tooLong', { max: COMPANION_LIMITS.noteBodyMax }) : undefined)
          }
        />
        {general ? (
          <Text c="red.7" size="sm" role="alert">
            {general}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending} disabled={!draft.body.trim() || tooLong}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
