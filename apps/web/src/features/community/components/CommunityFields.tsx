import { Radio, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COMMUNITY_LIMITS as L } from '@engawa/shared';

/** What a community is described by, as both the create dialog and the settings page edit it. */
export interface CommunityFieldValues {
  name: string;
  purpose: string;
  rules: string;
  topics: string[];
  visibility: 'open' | 'private';
  privateReason: string;
}

export const EMPTY_COMMUNITY_FIELDS: CommunityFieldValues = {
  name: '',
  purpose: '',
  rules: '',
  topics: [],
  visibility: 'open',
  privateReason: '',
};

/** The field names these inputs show errors for (the rest go to the top of the form). */
export const COMMUNITY_FIELD_NAMES = ['name', 'purpose', 'rules', 'topics', 'privateReason'] as const;

/** The request body for these fields: the reason is only sent for a private community. */
export function communityFieldsBody(v: CommunityFieldValues) {
  return {
    name: v.name,
    purpose: v.purpose,
    rules: v.rules,
    topics: v.topics,
    visibility: v.visibility,
    privateReason: v.visibility === 'private' ? v.privateReason : null,
  };
}

/**
 * Name, purpose and rules (required: newcomers read them before posting), topics, and whether the
 * community is open to the whole company (the default) or private with a stated reason that admins
 * can see. `mode` only changes hints: when editing, changing the rules asks members to re-read them.
 */
export function CommunityFields({
  value,
  onChange,
  issues,
  mode,
}: {
  value: CommunityFieldValues;
  onChange: <K extends keyof CommunityFieldValues>(key: K, next: CommunityFieldValues[K]) => void;
  /** Error text by field name (from the server's field issues). */
  issues: Partial<Record<string, string>>;
  mode: 'create' | 'edit';
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('community.create.name')}
        required
        maxLength={L.nameMax}
        value={value.name}
        onChange={(e) => onChange('name', e.currentTarget.value)}
        error={issues.name}
        data-autofocus={mode === 'create' || undefined}
      />
      <Textarea
        label={t('community.create.purpose')}
        description={t('community.create.purposeHelp')}
        required
        autosize
        minRows={2}
        maxLength={L.purposeMax}
        value={value.purpose}
        onChange={(e) => onChange('purpose', e.currentTarget.value)}
        error={issues.purpose}
      />
      <Textarea
        label={t('community.create.rules')}
        description={
          mode === 'edit' ? t('community.settings.rulesChangeHelp') : t('community.create.rulesHelp')
        }
        placeholder={t('community.create.rulesPlaceholder')}
        required
        autosize
        minRows={3}
        maxLength={L.rulesMax}
        value={value.rules}
        onChange={(e) => onChange('rules', e.currentTarget.value)}
        error={issues.rules}
      />
      <TagsInput
        label={t('community.create.topics')}
        description={t('community.create.topicsHelp', { max: L.topicsMax })}
        value={value.topics}
        onChange={(v) => onChange('topics', v)}
        maxTags={L.topicsMax}
        splitChars={[',', '、', '，']}
        error={issues.topics}
        clearable
      />
      <Radio.Group
        label={t('community.create.visibility')}
        value={value.visibility}
        onChange={(v) => onChange('visibility', v === 'private' ? 'private' : 'open')}
      >
        <Stack gap={6} mt={4}>
          <Radio
            value="open"
            label={t('community.visibility.open')}
            description={t('community.create.openHelp')}
          />
          <Radio
            value="private"
            label={t('community.visibility.private')}
            description={t('community.create.privateHelp')}
          />
        </Stack>
      </Radio.Group>
      {value.visibility === 'private' ? (
        <Textarea
          label={t('community.create.privateReason')}
          description={t('community.create.privateReasonHelp')}
          required
          autosize
          minRows={2}
          maxLength={L.privateReasonMax}
          value={value.privateReason}
          onChange={(e) => onChange('privateReason', e.currentTarget.value)}
          error={issues.privateReason}
        />
      ) : null}
    </>
  );
}
