import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { COMMUNITY_LIMITS as L, type PersonItem } from '@engawa/shared';
import { api } from '../../api/client.ts';
import { useMe } from '../../api/session.ts';
import { preventImeSubmit } from '../../components/ime.ts';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { keys } from './api.ts';
import { issuesByPath, unplacedError } from './issues.ts';
import {
  COMMUNITY_FIELD_NAMES,
  CommunityFields,
  EMPTY_COMMUNITY_FIELDS,
  communityFieldsBody,
  type CommunityFieldValues,
} from './components/CommunityFields.tsx';
import type { Community } from './types.ts';

/**
 * Starting a community: a name, a purpose and rules (both required: newcomers read them before
 * posting), topics, whether it is open to the whole company (the default) or private, which needs a
 * stated reason that admins can see, and who organizes it besides the creator.
 */
export function CreateCommunityModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const me = useMe();
  const [form, setForm] = useState<CommunityFieldValues>(EMPTY_COMMUNITY_FIELDS);
  // Co-organizers; the creator is always an organizer and is not offered.
  const [organizers, setOrganizers] = useState<PersonItem[]>([]);
  const create = useMutation({
    mutationFn: () =>
      api.post<Community>('/api/communities', {
        ...communityFieldsBody(form),
        organizerIds: organizers.map((p) => p.id),
      }),
    onSuccess: (c) => {
      qc.setQueryData(keys.community(c.id), c);
      void qc.invalidateQueries({ queryKey: keys.communities });
      notifications.show({ color: 'teal', message: t('community.create.done', { name: c.name }) });
      setForm(EMPTY_COMMUNITY_FIELDS);
      setOrganizers([]);
      onClose();
      navigate(`/community/${c.id}`);
    },
  });
  const issues = issuesByPath(create.error);
  const top = unplacedError(
    create.error,
    [...COMMUNITY_FIELD_NAMES, 'organizerIds'],
    t('errors.common.internal'),
  );
  const set = <K extends keyof CommunityFieldValues>(key: K, value: CommunityFieldValues[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (create.error) create.reset();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('community.create.title')} size="lg">
      <form onSubmit={onSubmit} onKeyDown={preventImeSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('community.create.intro')}
          </Text>
          <CommunityFields value={form} onChange={set} issues={issues} mode="create" />
          <PersonPicker
            multiple
            label={t('community.create.organizers')}
            description={t('community.create.organizersHelp', { max: L.coOrganizersMax })}
            value={organizers}
            onChange={(people) => {
              setOrganizers(people);
              if (create.error) create.reset();
            }}
            excludeIds={[me.id]}
            maxSelected={L.coOrganizersMax}
            error={issues.organizerIds}
          />
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
