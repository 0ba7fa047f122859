import { ActionIcon, Button, Group, Popover, SimpleGrid, Tooltip, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { REACTIONS, REACTION_KEYS, type ReactionKey } from '@engawa/shared';
import { api } from '../../../api/client.ts';
import { errorMessage } from '../../../api/errors.ts';
import type { Reaction } from '../types.ts';
import { SmileIcon } from './icons.tsx';

/**
 * Emoji reactions from the fixed set: the given ones with counts (mine pressed), and a picker.
 * PUT adds and DELETE removes on the server, so a double click cannot double count.
 */
export function ReactionBar({
  subject,
  id,
  reactions,
  canReact,
  onChange,
}: {
  subject: 'post' | 'comment';
  id: string;
  reactions: Reaction[];
  canReact: boolean;
  onChange: (reactions: Reaction[]) => void;
}) {
  const { t } = useTranslation();
  const [opened, { close, toggle }] = useDisclosure(false);
  const base = subject === 'post' ? `/api/posts/${id}` : `/api/comments/${id}`;
  const react = useMutation({
    mutationFn: ({ key, on }: { key: ReactionKey; on: boolean }) =>
      on
        ? api.put<{ reactions: Reaction[] }>(`${base}/reactions/${key}`, {})
        : api.delete<{ reactions: Reaction[] }>(`${base}/reactions/${key}`),
    onSuccess: (res) => onChange(res.reactions),
    onError: (error) =>
      notifications.show({ color: 'red', message: errorMessage(error, t('errors.common.internal')) }),
  });
  const toggleReaction = (key: ReactionKey) => {
    const mine = reactions.find((r) => r.key === key)?.mine ?? false;
    react.mutate({ key, on: !mine });
  };

  return (
    <Group gap={6} wrap="wrap">
      {reactions.map((r) => (
        <Button
          key={r.key}
          size="compact-sm"
          radius="xl"
          variant={r.mine ? 'light' : 'default'}
          aria-pressed={r.mine}
          disabled={!canReact}
          onClick={() => toggleReaction(r.key)}
          aria-label={t('community.reactionCount', {
            name: t(`community.reactions.${r.key}`),
            count: r.count,
          })}
          title={t(`community.reactions.${r.key}`)}
        >
          <span aria-hidden>{r.emoji}</span>
          <span style={{ marginLeft: 4 }} aria-hidden>
            {r.count}
          </span>
        </Button>
      ))}
      {canReact ? (
        <Popover
          opened={opened}
          onChange={(o) => !o && close()}
          position="top-start"
          withArrow
          trapFocus
          shadow="md"
        >
          <Popover.Target>
            <Tooltip label={t('community.addReaction')} withArrow>
              <ActionIcon
                variant="subtle"
                color="gray"
                radius="xl"
                onClick={toggle}
                aria-label={t('community.addReaction')}
                aria-expanded={opened}
              >
                <SmileIcon />
              </ActionIcon>
            </Tooltip>
          </Popover.Target>
          <Popover.Dropdown p={6}>
            <SimpleGrid cols={4} spacing={4} role="group" aria-label={t('community.addReaction')}>
              {REACTION_KEYS.map((key) => (
                <UnstyledButton
                  key={key}
                  onClick={() => {
                    close();
                    toggleReaction(key);
                  }}
                  aria-label={t(`community.reactions.${key}`)}
                  title={t(`community.reactions.${key}`)}
                  style={{ fontSize: 22, lineHeight: 1, padding: 6, borderRadius: 8, textAlign: 'center' }}
                >
                  {REACTIONS[key]}
                </UnstyledButton>
              ))}
            </SimpleGrid>
          </Popover.Dropdown>
        </Popover>
      ) : null}
    </Group>
  );
}
