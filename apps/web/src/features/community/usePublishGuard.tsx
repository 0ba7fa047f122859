import { useCallback, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { keys } from './api.ts';
import { CodeOfConductModal } from './components/CodeOfConductModal.tsx';
import { PurposeAndRules } from './components/RulesPanel.tsx';
import type { Community } from './types.ts';
import { stepFor, type Step } from './publishSteps.ts';

/** The writer closed a dialog instead of acknowledging: nothing was sent, the draft stays. */
export class PublishCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'PublishCancelled';
  }
}

/**
 * Publishing (a post or a comment) may be refused until the writer has acknowledged the company
 * code of conduct (first post ever), the community's purpose and rules (first post there), or
 * joined. `guard(send)` turns each refusal into its dialog and, once acknowledged, sends again;
 * closing a dialog rejects with PublishCancelled and keeps the draft.
 */
export function usePublishGuard(community: Community | undefined): {
  guard: <T>(send: () => Promise<T>) => Promise<T>;
  dialogs: ReactNode;
} {
  const [step, setStep] = useState<Step | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);
  const canJoin = !!community?.abilities.join;

  const ask = useCallback(
    (s: Step) =>
      new Promise<boolean>((resolve) => {
        resolver.current = resolve;
        setStep(s);
      }),
    [],
  );
  const done = (ok: boolean) => {
    setStep(null);
    resolver.current?.(ok);
    resolver.current = null;
  };

  const guard = useCallback(
    async <T,>(send: () => Promise<T>): Promise<T> => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await send();
        } catch (error) {
          const s = attempt < 3 ? stepFor(error, canJoin) : null;
          if (!s) throw error;
          if (!(await ask(s))) throw new PublishCancelled();
        }
      }
    },
    [canJoin, ask],
  );

  const dialogs = (
    <>
      <CodeOfConductModal opened={step === 'conduct'} onDone={done} />
      {community ? (
        <>
          <RulesModal community={community} opened={step === 'rules'} onDone={done} />
          <JoinModal community={community} opened={step === 'join'} onDone={done} />
        </>
      ) : null}
    </>
  );
  return { guard, dialogs };
}

/** Acknowledging a community's purpose and rules (the first visit panel and the publish dialog). */
export function useAcknowledgeRules(communityId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Community>(`/api/communities/${communityId}/acknowledge`),
    onSuccess: (c) => qc.setQueryData(keys.community(communityId), c),
  });
}

function RulesModal({
  community,
  opened,
  onDone,
}: {
  community: Community;
  opened: boolean;
  onDone: (ok: boolean) => void;
}) {
  const { t } = useTranslation();
  const ack = useAcknowledgeRules(community.id);
  return (
    <Modal
      opened={opened}
      onClose={() => onDone(false)}
      title={t('community.gate.rulesTitle', { name: community.name })}
      size="lg"
      centered
    >
      <Stack gap="md">
        <Text size="sm">{t('community.gate.rulesIntro')}</Text>
        <PurposeAndRules community={community} />
        {ack.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(ack.error, t('errors.common.internal'))}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => onDone(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={ack.isPending}
            onClick={() => ack.mutate(undefined, { onSuccess: () => onDone(true) })}
            data-autofocus
          >
            {t('community.firstVisit.acknowledge')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function JoinModal({
  community,
  opened,
  onDone,
}: {
  community: Community;
  opened: boolean;
  onDone: (ok: boolean) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const join = useMutation({
    mutationFn: () => api.post<Community>(`/api/communities/${community.id}/join`),
    onSuccess: (c) => {
      qc.setQueryData(keys.community(community.id), c);
      void qc.invalidateQueries({ queryKey: keys.communities });
      onDone(true);
    },
  });
  return (
    <Modal opened={opened} onClose={() => onDone(false)} title={t('community.gate.joinTitle')} centered>
      <Stack gap="md">
        <Text size="sm">{t('community.gate.joinBody', { name: community.name })}</Text>
        {join.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(join.error, t('errors.common.internal'))}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => onDone(false)}>
            {t('common.cancel')}
          </Button>
          <Button loading={join.isPending} onClick={() => join.mutate()} data-autofocus>
            {t('community.join')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
