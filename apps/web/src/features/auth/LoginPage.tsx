import { useState, type FormEvent } from 'react';
import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Center,
  Code,
  Divider,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ALL_ROLES, ERROR_CODES, LIMITS, type ErrorCode, type Role } from '@engawa/shared';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { useFieldErrors } from '../../components/useFieldErrors.ts';
import { SESSION_KEY, setSignedOutOnPurpose, useSession, type DemoAccount } from '../../api/session.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { preventImeSubmit } from '../../components/ime.ts';
import { safeNext } from '../../routes/safeNext.ts';
import { LanguageSelect } from '../shell/LanguageSelect.tsx';

function isErrorCode(value: string | null): value is ErrorCode {
  return !!value && (ERROR_CODES as readonly string[]).includes(value);
}

/**
 * The login page: e-mail and password, single sign-on when configured, and the demo accounts
 * while the server runs the demo company. Errors are the server's own words, in the UI language.
 */
export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.title'));
  const { data: session } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const redirectError = params.get('error');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const login = useMutation({
    mutationFn: () => api.post('/api/auth/login', { email: email.trim(), password }),
    onSuccess: async () => {
      setSignedOutOnPurpose(false);
      // Nothing cached for a previous session (one that expired elsewhere) may show to this one.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      // The session (and possibly its CSRF token) changed: load it before showing the app.
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      await navigate(next, { replace: true });
    },
  });

  const { errors, touch } = useFieldErrors(login.error);

  if (session?.user) return <Navigate to={next} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (login.isPending) return;
    login.mutate();
  };

  const shownError = login.error
    ? errorMessage(login.error, t('errors.common.internal'))
    : isErrorCode(redirectError)
      ? t(`errors.${redirectError}`)
      : null;

  const fillDemo = (account: DemoAccount) => {
    setEmail(account.email);
    setPassword(session?.demo.password ?? '');
    login.reset();
  };

  return (
    <Box bg="gray.0" mih="100vh" py={{ base: 'md', sm: 48 }} px="md">
      <Group justify="flex-end" maw={440} mx="auto" mb="sm">
        <LanguageSelect />
      </Group>
      <Center>
        <Stack w="100%" maw={440} gap="md">
          <Stack gap={4} align="center" mb="xs">
            <Text fw={700} size="xl" c="teal.8">
              {t('common.appName')}
            </Text>
            <Text size="sm" c="dimmed" ta="center">
              {t('auth.tagline')}
            </Text>
          </Stack>

          <Card withBorder shadow="sm" padding="lg" component="main">
            <Title order={1} size="h3" mb="md">
              {t('auth.title')}
            </Title>
            <form onSubmit={onSubmit} onKeyDown={preventImeSubmit} noValidate>
              <Stack gap="sm">
                {shownError ? (
                  <Alert color="red" role="alert" variant="light">
                    {shownError}
                  </Alert>
                ) : null}
                <TextInput
                  label={t('auth.email')}
                  type="email"
                  name="email"
                  autoComplete="username"
                  required
                  withAsterisk={false}
                  maxLength={LIMITS.emailMax}
                  value={email}
                  onChange={(e) => {
                    setEmail(e.currentTarget.value);
                    touch('email');
                  }}
                  error={errors.email}
                  data-autofocus
                />
                <PasswordInput
                  label={t('auth.password')}
                  name="password"
                  autoComplete="current-password"
                  required
                  withAsterisk={false}
                  maxLength={LIMITS.passwordMax}
                  value={password}
                  onChange={(e) => {
                    setPassword(e.currentTarget.value);
                    touch('password');
                  }}
                  error={errors.password}
                  visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
                />
                <Button type="submit" loading={login.isPending} fullWidth mt="xs">
                  {t('auth.submit')}
                </Button>
              </Stack>
            </form>

            {session?.sso.enabled ? (
              <>
                <Divider my="md" label={t('auth.or')} labelPosition="center" />
                <Button
                  type="button"
                  variant="default"
                  fullWidth
                  onClick={() => window.location.assign('/api/auth/oidc/start')}
                >
                  {session.sso.label ? t('auth.ssoWith', { label: session.sso.label }) : t('auth.sso')}
                </Button>
              </>
            ) : null}
          </Card>

          {session?.demo.enabled && session.demo.accounts.length > 0 ? (
            <DemoAccounts
              accounts={session.demo.accounts}
              password={session.demo.password}
              onUse={fillDemo}
            />
          ) : null}
        </Stack>
      </Center>
    </Box>
  );
}

function DemoAccounts({
  accounts,
  password,
  onUse,
}: {
  accounts: DemoAccount[];
  password: string | null;
  onUse: (account: DemoAccount) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="demo-accounts-title">
      <Title order={2} size="h5" id="demo-accounts-title">
        {t('auth.demoTitle')}
      </Title>
      <Text size="sm" c="dimmed" mt={4}>
        {t('auth.demoHint')}
      </Text>
      {password ? (
        <Text size="sm" mt="xs">
          {t('auth.demoPassword')} <Code>{password}</Code>
        </Text>
      ) : null}
      <Stack gap="xs" mt="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {accounts.map((account) => {
          const role = t(`shell.roles.${roleKey(account.role)}`);
          return (
            <Group key={account.email} component="li" justify="space-between" wrap="nowrap" gap="xs" py={4}>
              <Box miw={0}>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={600} truncate>
                    {account.name}
                  </Text>
                  <Badge size="xs" variant="light" color="gray">
                    {role}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed" truncate>
                  {account.email}
                </Text>
              </Box>
              <Button
                size="xs"
                variant="light"
                onClick={() => onUse(account)}
                aria-label={t('auth.demoUseFor', { name: account.name, role })}
              >
                {t('auth.demoUse')}
              </Button>
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}

function roleKey(role: string): Role {
  return (ALL_ROLES as readonly string[]).includes(role) ? (role as Role) : 'employee';
}
