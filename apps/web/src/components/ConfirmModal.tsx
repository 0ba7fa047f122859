import type { ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errors.ts';

interface ConfirmModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** The red button's words (削除する, 退出する…). */
  confirmLabel: string;
  onConfirm: () => void;
  pending: boolean;
  /** The failed attempt's error, shown above the buttons (the dialog stays open). */
  error?: unknown;
  children: ReactNode;
}

/**
 * Asks before something that cannot be undone (deleting, leaving a private community). キャンセル
 * has the focus, so Enter or a hurried key press never confirms by accident.
 */
export function ConfirmModal(p: ConfirmModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={p.opened} onClose={p.onClose} title={p.title} centered>
      <Stack gap="md">
        {p.children}
        {p.error ? (
          <Text c="red.7" size="sm" role="alert">
            {errorMessage(p.error, t('errors.common.internal'))}
          </Text>
        ) : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={p.onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={p.pending} onClick={p.onConfirm}>
            {p.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
