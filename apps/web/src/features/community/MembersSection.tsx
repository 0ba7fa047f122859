import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  Modal,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PersonItem } from '@engawa/shared';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { useMe } from '../../api/session.ts';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { keys, useMemberPages } from './api.ts';
import { DotsIcon } from './components/icons.tsx';
import { Time } from './components/Time.tsx';
import type { Community, Member } from './types.ts';

type Change = { kind: 'add'; person: PersonItem } | { kind: 'promote' | 'demote' | 'remove'; member: Member };

/** Changes asked about first: removing someone, and stepping down as an organizer yourself. */
type Confirming = { kind: 'remove' | 'stepDown'; member: Member };

/**
 * Members of a community for its organizers: add someone (the only way into a private community,
 * since nobody can ask to join what they cannot see), make a member an organizer or step an
 * organizer back, remove a member, or step down yourself (both after confirming). The server keeps
 * at least one organizer (`community.last_organizer`); its message is shown as it is.
 */
export function MembersSection({ community: c }: { community: Community }) {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const pages = useMemberPages(c.id);
  const [adding, setAdding] = useState<PersonItem | null>(null);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const change = useMutation({
    mutationFn: (ch: Change) => {
      const base = `/api/communities/${c.id}`;
      switch (ch.kind) {
        case 'add':
          return api.post(`${base}/members`, { userId: ch.person.id });
        case 'promote':
          return api.post(`${base}/organizers`, { userId: ch.member.id });
        case 'demote':
          return api.delete(`${base}/organizers/${ch.member.id}`);
        case 'remove':
          return api.delete(`${base}/members/${ch.member.id}`);
      }
    },
    onMutate: () => setProblem(null),
    onSuccess: async (_data, ch) => {
      const name = ch.kind === 'add' ? ch.person.name : ch.member.name;
      const steppedDown = ch.kind === 'demote' && ch.member.id === me.id;
      if (ch.kind === 'add') setAdding(null);
      setConfirming(null);
      const message = steppedDown
        ? t('community.settings.steppedDown')
        : ch.kind === 'add'
          ? t('community.settings.added', { name })
          : ch.kind === 'promote'
            ? t('community.settings.promoted', { name })
            : ch.kind === 'demote'
              ? t('community.settings.demoted', { name })
              : t('community.settings.removed', { name });
      notifications.show({ color: 'teal', message });
      // No longer an organizer: these settings are not yours any more.
      if (steppedDown) navigate(`/community/${c.id}`);
      await Promise.all([
        qc.invalidateQueries({ queryKey: keys.members(c.id) }),
        qc.invalidateQueries({ queryKey: keys.community(c.id), exact: true }),
        qc.invalidateQueries({ queryKey: keys.communities }),
      ]);
    },
    onError: (error) => {
      // Shown where the person is looking: in the open confirmation, else above the list.
      if (!confirming) setProblem(errorMessage(error, t('errors.common.internal')));
    },
  });

  const members = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const isPrivate = c.visibility === 'private';
  const busyId =
    change.isPending && change.variables && change.variables.kind !== 'add'
      ? change.variables.member.id
      : null;
  const closeConfirm = () => {
    setConfirming(null);
    change.reset();
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="settings-members">
      <Group justify="space-between" align="baseline" mb={4} gap="xs">
        <Title order={2} size="h4" id="settings-members">
          {t('community.settings.members')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('community.settings.membersCount', { count: c.memberCount })}
        </Text>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('community.settings.membersHelp')}
      </Text>

      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (adding) change.mutate({ kind: 'add', person: adding });
        }}
      >
        <Group align="flex-end" gap="xs" mb="md" wrap="wrap">
          <div style={{ flex: '1 1 240px', minWidth: 0 }}>
            <PersonPicker
              label={t('community.settings.addMember')}
              description={
                isPrivate
                  ? t('community.settings.addMemberHelpPrivate')
                  : t('community.settings.addMemberHelpOpen')
              }
              value={adding}
              onChange={(p) => {
                setAdding(p);
                setProblem(null);
              }}
              excludeIds={members.map((m) => m.id)}
            />
          </div>
          <Button
            type="submit"
            disabled={!adding}
            loading={change.isPending && change.variables?.kind === 'add'}
          >
            {t('community.settings.add')}
          </Button>
        </Group>
      </form>

      {problem ? (
        <Alert color="red" role="alert" mb="sm" withCloseButton onClose={() => setProblem(null)}>
          {problem}
        </Alert>
      ) : null}

      {pages.isPending ? (
        <LoadingState />
      ) : pages.isError ? (
        <ErrorState error={pages.error} onRetry={() => void pages.refetch()} />
      ) : !members.length ? (
        <EmptyState>{t('community.settings.empty')}</EmptyState>
      ) : (
        <Stack
          gap={0}
          component="ul"
          aria-labelledby="settings-members"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {members.map((m) => (
            <MemberRow
              key={m.id}
              member={m}
              isMe={m.id === me.id}
              busy={busyId === m.id}
              onRoleChange={() =>
                change.mutate({ kind: m.role === 'organizer' ? 'demote' : 'promote', member: m })
              }
              onConfirm={(kind) => {
                change.reset();
                setConfirming({ kind, member: m });
              }}
            />
          ))}
        </Stack>
      )}
      {pages.hasNextPage ? (
        <Group justify="center" mt="sm">
          <Button
            variant="default"
            onClick={() => void pages.fetchNextPage()}
            loading={pages.isFetchingNextPage}
          >
            {t('community.settings.loadMore')}
          </Button>
        </Group>
      ) : null}

      <Modal
        opened={!!confirming}
        onClose={closeConfirm}
        title={
          confirming?.kind === 'stepDown'
            ? t('community.settings.stepDownTitle')
            : t('community.settings.removeTitle')
        }
        centered
      >
        <Stack gap="md">
          <Text size="sm">
            {confirming?.kind === 'stepDown'
              ? t('community.settings.stepDownBody')
              : t(isPrivate ? 'community.settings.removeBodyPrivate' : 'community.settings.removeBody', {
                  name: confirming?.member.name ?? '',
                })}
          </Text>
          {change.isError && confirming ? (
            <Alert color="red" role="alert">
              {errorMessage(change.error, t('errors.common.internal'))}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={closeConfirm}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={change.isPending}
              onClick={() =>
                confirming &&
                change.mutate({
                  kind: confirming.kind === 'stepDown' ? 'demote' : 'remove',
                  member: confirming.member,
                })
              }
            >
              {confirming?.kind === 'stepDown'
                ? t('community.settings.stepDown')
                : t('community.settings.remove')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

/** One member: name, role and when they joined, and what an organizer may do with them. */
function MemberRow({
  member: m,
  isMe,
  busy,
  onRoleChange,
  onConfirm,
}: {
  member: Member;
  isMe: boolean;
  busy: boolean;
  onRoleChange: () => void;
  onConfirm: (kind: Confirming['kind']) => void;
}) {
  const { t } = useTranslation();
  const organizer = m.role === 'organizer';
  return (
    <Group
      component="li"
      justify="space-between"
      wrap="nowrap"
      gap="xs"
      py={8}
      style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
    >
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <Text size="sm" fw={500} truncate>
            {m.name}
          </Text>
          {isMe ? (
            <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
              （{t('community.settings.you')}）
            </Text>
          ) : null}
        </Group>
        <Group gap={6} wrap="nowrap">
          <Badge size="xs" variant={organizer ? 'filled' : 'light'} color={organizer ? undefined : 'gray'}>
            {organizer ? t('community.role.organizer') : t('community.settings.roleMember')}
          </Badge>
          <Group gap={4} wrap="nowrap">
            <Text size="xs" c="dimmed">
              {t('community.settings.joined')}
            </Text>
            <Time iso={m.joinedAt} />
          </Group>
        </Group>
      </Stack>
      {/* Leaving is in the community's own menu; here you can only step down as an organizer. */}
      {!isMe || organizer ? (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              loading={busy}
              aria-label={t('community.settings.actionsFor', { name: m.name })}
            >
              <DotsIcon />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {isMe ? (
              <Menu.Item color="red" onClick={() => onConfirm('stepDown')}>
                {t('community.settings.stepDown')}
              </Menu.Item>
            ) : (
              <>
                <Menu.Item onClick={onRoleChange}>
                  {organizer ? t('community.settings.demote') : t('community.settings.promote')}
                </Menu.Item>
                <Menu.Item color="red" onClick={() => onConfirm('remove')}>
                  {t('community.settings.remove')}
                </Menu.Item>
              </>
            )}
          </Menu.Dropdown>
        </Menu>
      ) : null}
    </Group>
  );
}
