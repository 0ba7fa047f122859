import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Group,
  Modal,
  Radio,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { COMMUNITY_LIMITS as L } from '@engawa/shared';
import { api } from '../../api/client.ts';
import { preventImeSubmit } from '../../components/ime.ts';
import { keys } from './api.ts';
import { issuesByPath, unplacedError } from './issues.ts';
import type { Community } from './types.ts';

interface Form {
  name: string;
  purpose: string;
  rules: string;
  topics: string[];
  visibility: 'open' | 'private';
  privateReason: string;
}

const EMPTY: Form = { name: '', purpose: '', rules: '', topics: [], visibility: 'open', privateReason: '' };

/**
 * Starting a community: a name, a purpose and rules (both required: newcomers read them before
 * posting), topics, and whether it is open to the whole company (the default) or private, which
 * needs a stated reason that admins can see.
 */
export function CreateCommunityModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form, setForm] = useState<Form>(EMPTY);
  const create = useMutation({
    mutationFn: (f: Form) =>
      api.post<Community>('/api/communities', {
        name: f.name,
        purpose: f.purpose,
        rules: f.rules,
        topics: f.topics,
        visibility: f.visibility,
        privateReason: f.visibility === 'private' ? f.privateReason : null,
      }),
    onSuccess: (c) => {
      qc.setQueryData(keys.community(c.id), c);
      void qc.invalidateQueries({ queryKey: keys.communities });
      notifications.show({ color: 'teal', message: t('community.create.done', { name: c.name }) });
      setForm(EMPTY);
      onClose();
      navigate(`/community/${c.id}`);
    },
  });
  const issues = issuesByPath(create.error);
  const top = unplacedError(
    create.error,
    ['name', 'purpose', 'rules', 'topics', 'privateReason'],
    t('errors.common.internal'),
  );
  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (create.error) create.reset();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(form);
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('community.create.title')} size="lg">
      <form onSubmit={onSubmit} onKeyDown={preventImeSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('community.create.intro')}
          </Text>
          <TextInput
            label={t('community.create.name')}
            required
            maxLength={L.nameMax}
            value={form.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={issues.name}
            data-autofocus
          />
          <Textarea
            label={t('community.create.purpose')}
            description={t('community.create.purposeHelp')}
            required
            autosize
            minRows={2}
            maxLength={L.purposeMax}
            value={form.purpose}
            onChange={(e) => set('purpose', e.currentTarget.value)}
            error={issues.purpose}
          />
          <Textarea
            label={t('community.create.rules')}
            description={t('community.create.rulesHelp')}
            placeholder={t('community.create.rulesPlaceholder')}
            required
            autosize
            minRows={3}
            maxLength={L.rulesMax}
            value={form.rules}
            onChange={(e) => set('rules', e.currentTarget.value)}
            error={issues.rules}
          />
          <TagsInput
            label={t('community.create.topics')}
            description={t('community.create.topicsHelp', { max: L.topicsMax })}
            value={form.topics}
            onChange={(v) => set('topics', v)}
            maxTags={L.topicsMax}
            splitChars={[',', '、', '，']}
            error={issues.topics}
            clearable
          />
          <Radio.Group
            label={t('community.create.visibility')}
            value={form.visibility}
            onChange={(v) => set('visibility', v === 'private' ? 'private' : 'open')}
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
          {form.visibility === 'private' ? (
            <Textarea
              label={t('community.create.privateReason')}
              description={t('community.create.privateReasonHelp')}
              required
              autosize
              minRows={2}
              maxLength={L.privateReasonMax}
              value={form.privateReason}
              onChange={(e) => set('privateReason', e.currentTarget.value)}
              error={issues.privateReason}
            />
          ) : null}
          {top ? (
            <Alert color="red" role="alert">
              {top}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('community.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
