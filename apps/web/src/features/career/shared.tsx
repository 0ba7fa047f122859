import { useMemo, type ReactNode } from 'react';
import { Autocomplete, Badge, Button, Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParseKeys } from 'i18next';
import { SKILL_CATALOG, type ProfilePart, type Reason, type SkillRef } from '@engawa/shared';
import { isImeEnter } from '../../components/ime.ts';
import { errorMessage } from '../../api/errors.ts';
import { notifications } from '@mantine/notifications';
import { ErrorState } from '../../components/QueryStates.tsx';
import { usePublish } from './api.ts';

export { parseSkillList, skillInput } from './skills.ts';

/** The seeded skill names in the current language, for autocompletion. */
export function useSkillNames(): string[] {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => SKILL_CATALOG.map((s) => t(`career.skills.${s.id}` as ParseKeys)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, i18n.language],
  );
}

/** A skill name box with the seeded list; Enter (not an IME confirmation) adds it. */
export function SkillNameInput({
  value,
  onChange,
  onEnter,
  label,
}: {
  value: string;
  onChange: (v: string) => void;
  onEnter?: () => void;
  label: string;
}) {
  const { t } = useTranslation();
  const names = useSkillNames();
  return (
    <Autocomplete
      label={label}
      placeholder={t('career.ui.skills.namePlaceholder')}
      data={names}
      value={value}
      onChange={onChange}
      limit={10}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' || isImeEnter(e)) return;
        // Enter on a highlighted suggestion picks it (Mantine handles that); only a plain Enter adds.
        if (e.currentTarget.getAttribute('aria-activedescendant')) return;
        if (onEnter) {
          e.preventDefault();
          onEnter();
        }
      }}
    />
  );
}

/** One reason in plain words, rendered from its catalog key and the server's parameters. */
export function ReasonText({ reason }: { reason: Reason }) {
  const { t } = useTranslation();
  const key = reason.key.startsWith('career.') ? reason.key : `career.${reason.key}`;
  // The key comes from the server at run time, so it cannot be checked against the catalog type.
  const translate = t as unknown as (k: string, params: Record<string, string>) => string;
  return <>{translate(key, reason.params)}</>;
}

/** Skill chips. */
export function SkillBadges({ skills, color = 'gray' }: { skills: SkillRef[]; color?: string }) {
  if (skills.length === 0) return <Text size="sm">—</Text>;
  return (
    <Group gap={4}>
      {skills.map((s) => (
        <Badge key={`${s.id ?? ''}-${s.name}`} variant="light" color={color} tt="none">
          {s.name}
        </Badge>
      ))}
    </Group>
  );
}

/** A profile part's card: title, the 公開する switch with what it means, then the editor. */
export function PartCard({
  part,
  published,
  children,
  note,
}: {
  part: ProfilePart;
  published: boolean;
  children: ReactNode;
  note?: ReactNode;
}) {
  const { t } = useTranslation();
  const publish = usePublish();
  const id = `career-part-${part}`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Title order={2} size="h4" id={id}>
              {t(`career.parts.${part}`)}
            </Title>
            <Badge color={published ? 'teal' : 'gray'} variant="light">
              {published ? t('career.ui.publish.on') : t('career.ui.publish.off')}
            </Badge>
          </Group>
          <Switch
            label={t('career.ui.publish.label')}
            aria-label={`${t(`career.parts.${part}`)}: ${t('career.ui.publish.label')}`}
            checked={published}
            disabled={publish.isPending}
            onChange={(e) =>
              publish.mutate(
                { part, on: e.currentTarget.checked },
                {
                  onError: (err) =>
                    notifications.show({
                      color: 'red',
                      message: errorMessage(err, t('errors.common.internal')),
                    }),
                },
              )
            }
          />
        </Group>
        <Text size="xs" c="dimmed">
          {t('career.ui.publish.explain', { part: t(`career.parts.${part}`) })}
        </Text>
        {note}
        {children}
      </Stack>
    </Card>
  );
}

/** 「さらに表示」 under a paged list (and the error of a page that failed to load), as elsewhere in the app. */
export function LoadMore({
  list,
}: {
  list: {
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    isPlaceholderData: boolean;
    isError: boolean;
    error: unknown;
    fetchNextPage: () => Promise<unknown>;
  };
}) {
  const { t } = useTranslation();
  return (
    <>
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.fetchNextPage()} /> : null}
      {list.hasNextPage ? (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
            disabled={list.isPlaceholderData}
          >
            {t('career.ui.opportunities.loadMore')}
          </Button>
        </Group>
      ) : null}
    </>
  );
}
