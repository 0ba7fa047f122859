import { useState } from 'react';
import { Badge, Button, Card, Group, Highlight, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COMPANION_LIMITS } from '@engawa/shared';
import { useMe } from '../../api/session.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { useConversationList, type ConversationItem } from './api.ts';
import { formatDate, formatDateTime } from './format.ts';

function ConversationCard({ item, q }: { item: ConversationItem; q: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const locale = currentLocale();
  return (
    <Card withBorder padding="md" component="li" style={{ listStyle: 'none' }}>
      <UnstyledButton
        component={Link}
        to={`/companion?c=${encodeURIComponent(item.id)}`}
        style={{ display: 'block' }}
      >
        <Stack gap={6}>
          <Text fw={600} c="teal.9" style={{ overflowWrap: 'anywhere' }}>
            {item.title}
          </Text>
          <Group gap="xs">
            <Badge variant="light" color="teal" style={{ textTransform: 'none' }}>
              {t(`companion.modes.${item.mode}.name`)}
            </Badge>
            <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
              {t(`companion.retention.${item.retention}`)}
            </Badge>
          </Group>
          {item.snippet ? (
            <Highlight highlight={q} size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {item.snippet}
            </Highlight>
          ) : null}
          <Text size="xs" c="dimmed">
            {t('companion.conversations.updated', {
              date: formatDateTime(item.updatedAt, locale, me.timeZone),
            })}
            {' ・ '}
            {item.expiresAt
              ? t('companion.conversations.expires', {
                  date: formatDate(item.expiresAt, locale, me.timeZone),
                })
              : t('companion.conversations.keptUntilDeleted')}
          </Text>
        </Stack>
      </UnstyledButton>
    </Card>
  );
}

/** 残した会話: the owner's kept conversations, newest first, searchable by any word in them. */
export function ConversationsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const list = useConversationList(q);

  return (
    <Stack gap="md" maw={860}>
      <Text size="sm" c="dimmed">
        {t('companion.conversations.lead')}
      </Text>
      <TextInput
        type="search"
        label={t('companion.conversations.searchLabel')}
        placeholder={t('companion.conversations.searchPlaceholder')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maxLength={COMPANION_LIMITS.searchQueryMax}
        maw={420}
      />
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        q ? (
          <EmptyState>{t('companion.conversations.noResults', { q })}</EmptyState>
        ) : (
          <EmptyState
            action={
              <Button component={Link} to="/companion" variant="light">
                {t('companion.conversations.startChat')}
              </Button>
            }
          >
            {t('companion.conversations.empty')}
            <br />
            {t('companion.conversations.emptyHelp')}
          </EmptyState>
        )
      ) : (
        <Stack
          component="ul"
          gap="sm"
          p={0}
          m={0}
          aria-busy={list.isFetching}
          aria-label={t('companion.nav.conversations')}
        >
          {list.data.items.map((item) => (
            <ConversationCard key={item.id} item={item} q={q} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
