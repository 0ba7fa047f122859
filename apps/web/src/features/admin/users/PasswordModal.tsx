import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { LIMITS, type AdminUser } from '@engawa/shared';
import { api } from '../../../api/client.ts';
import { formError } from '../../../api/errors.ts';
import { useFieldErrors } from '../../../components/useFieldErrors.ts';
import { preventImeSubmit } from '../../../components/ime.ts';
import { useInvalidateOrg } from '../api.ts';

/** Sets a new password for a user (e.g. someone who forgot theirs); open while `user` is set. */
export function PasswordModal({
  opened,
  user,
  onClose,
}: {
  opened: boolean;
  user: AdminUser | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened && !!user}
      onClose={onClose}
      title={t('admin.users.passwordTitle', { name: user?.name ?? '' })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {user ? <PasswordForm user={user} onClose={onClose} /> : null}
    </Modal>
  );
}

function PasswordForm({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateOrg();
  const [password, setPassword] = useState('');
  const save = useMutation({
    mutationFn: () => api.post(`/api/admin/users/${encodeURIComponent(user.id)}/password`, { password }),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('admin.users.passwordSet', { name: user.name }) });
      onClose();
      await invalidate();
    },
  });

  const { errors, touch } = useFieldErrors(save.error);
  const generalError = formError(save.error, ['password'], t('errors.common.internal'));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <form onSubmit={onSubmit} onKeyDown={preventImeSubmit} noValidate>
      <Stack gap="sm">
        {generalError ? (
          <Alert color="red" role="alert">
            {generalError}
          </Alert>
        ) : null}
        {user.sso ? (
          <Text size="sm" c="dimmed">
            {t('admin.users.passwordSsoNote')}
          </Text>
        ) : null}
        <PasswordInput
          label={t('admin.users.fields.newPassword')}
          description={t('admin.users.fields.passwordHelp', { min: LIMITS.passwordMin })}
          autoComplete="new-password"
          required
          maxLength={LIMITS.passwordMax}
          value={password}
          onChange={(e) => {
            setPassword(e.currentTarget.value);
            touch('password');
          }}
          error={errors.password}
          visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
          data-autofocus
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('admin.users.setPassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
