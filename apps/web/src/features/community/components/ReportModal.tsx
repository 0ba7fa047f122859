import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { COMMUNITY_LIMITS } from '@engawa/shared';
import { api } from '../../../api/client.ts';
import { errorMessage } from '../../../api/errors.ts';
import { preventImeSubmit } from '../../../components/ime.ts';
import { issuesByPath } from '../issues.ts';

/** Reporting a post or comment with a reason; the reporter stays anonymous to everyone. */
export function ReportModal({
  subject,
  onClose,
}: {
  subject: { type: 'post' | 'comment'; id: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const report = useMutation({
    mutationFn: () =>
      api.post('/api/reports', { subjectType: subject!.type, subjectId: subject!.id, reason }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('community.report.sent') });
      setReason('');
      onClose();
    },
  });
  const issues = issuesByPath(report.error);
  return (
    <Modal opened={!!subject} onClose={onClose} title={t('community.report.title')} centered>
      <form
        onKeyDown={preventImeSubmit}
        onSubmit={(e) => {
          e.preventDefault();
          report.mutate();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('community.report.intro')}</Text>
          <Textarea
            label={t('community.report.reason')}
            required
            autosize
            minRows={3}
            maxLength={COMMUNITY_LIMITS.reportReasonMax}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={issues.reason}
            data-autofocus
          />
          {report.isError && !issues.reason ? (
            <Alert color="red" role="alert">
              {errorMessage(report.error, t('errors.common.internal'))}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={report.isPending} disabled={!reason.trim()}>
              {t('community.report.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
