import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CODE_OF_CONDUCT_ITEMS } from '@engawa/shared';
import { api } from '../../../api/client.ts';
import { errorMessage } from '../../../api/errors.ts';
import { keys } from '../api.ts';
import type { CodeOfConductState } from '../types.ts';

/** The company code of conduct, shown before someone's first post ever; acknowledging it is recorded. */
export function CodeOfConductModal({ opened, onDone }: { opened: boolean; onDone: (ok: boolean) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const ack = useMutation({
    mutationFn: () => api.post<CodeOfConductState>('/api/me/code-of-conduct/acknowledge'),
    onSuccess: (state) => {
      qc.setQueryData(keys.conduct, state);
      void qc.invalidateQueries({ queryKey: ['community'] });
      onDone(true);
    },
  });
  return (
    <Modal
      opened={opened}
      onClose={() => onDone(false)}
      title={t('community.codeOfConduct.title')}
      size="lg"
      centered
    >
      <Stack gap="sm">
        <Text size="sm">{t('community.codeOfConduct.intro')}</Text>
        <List spacing="xs" size="sm" type="ordered">
          {CODE_OF_CONDUCT_ITEMS.map((item) => (
            <List.Item key={item}>{t(`community.codeOfConduct.${item}`)}</List.Item>
          ))}
        </List>
        {ack.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(ack.error, t('errors.common.internal'))}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => onDone(false)}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => ack.mutate()} loading={ack.isPending} data-autofocus>
            {t('community.codeOfConduct.acknowledge')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
