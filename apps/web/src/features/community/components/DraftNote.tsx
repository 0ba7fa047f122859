import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** 「下書きを復元しました」 with 破棄, above a composer whose text came back from an earlier visit. */
export function DraftNote({ onDiscard }: { onDiscard: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" role="status">
      <Text size="xs" c="dimmed">
        {t('community.draft.restored')}
      </Text>
      <Button
        size="compact-xs"
        variant="subtle"
        color="gray"
        onClick={onDiscard}
        aria-label={t('community.draft.discardLabel')}
      >
        {t('community.draft.discard')}
      </Button>
    </Group>
  );
}
