import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';

import { SessionCreateDocument, ShellShopDocument } from '../../../generated/graphql';
import { FormErrors } from '../../../shared/forms/form-errors';
import { useFieldErrors } from '../../../shared/forms/use-field-errors';
import { useSession, useSessionStore } from '../../../shared/session/use-session';
import { FullPageLoader } from '../../../shared/states/loading';
import { safeNextPath } from '../next-path';

/** A heading for each refusal; the API's message says the rest. */
const ERROR_TITLES: Record<string, string> = {
  INVALID_CREDENTIALS: 'Wrong e-mail or password',
  ACCOUNT_LOCKED: 'Account locked',
  ACCOUNT_DISABLED: 'Account disabled',
  TOO_MANY_ATTEMPTS: 'Too many attempts',
};

export function LoginView() {
  const { status, reason } = useSession();
  const store = useSessionStore();
  const client = useApolloClient();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const { data: shopData } = useQuery(ShellShopDocument);
  const shopName = shopData?.shop.name ?? 'Bazaar';

  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (/^\S+@\S+$/.test(value.trim()) ? null : 'Enter your e-mail address.'),
      password: (value) => (value ? null : 'Enter your password.'),
    },
  });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const [sessionCreate, { loading }] = useMutation(SessionCreateDocument, {
    // The token stays in memory (SessionStore), never in the cache.
    fetchPolicy: 'no-cache',
    context: { auth: false },
  });

  if (status === 'unknown') return <FullPageLoader />;
  if (status === 'signedIn') return <Navigate to={next} replace />;

  const submit = form.onSubmit(async (values) => {
    clear();
    setErrorCode(null);
    try {
      const { data } = await sessionCreate({
        variables: { input: { email: values.email.trim(), password: values.password } },
      });
      const payload = data?.sessionCreate;
      if (!payload) return;
      if (apply(payload.errors)) {
        setErrorCode(payload.errors[0]?.code ?? null);
        form.setFieldValue('password', '');
        return;
      }
      if (payload.session) {
        // Nothing of a previous user may survive in the cache.
        await client.clearStore();
        store.signIn(payload.session);
      }
    } catch (error) {
      applyThrown(error);
    }
  });

  return (
    <Center mih="100dvh" p="md" bg="var(--mantine-color-body)">
      <title>{`Log in · ${shopName} back-office`}</title>
      <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={420} component="main">
        <Stack gap="xs" mb="lg">
          <Text fw={700} c="dimmed" size="sm">
            {shopName} back-office
          </Text>
          <Title order={1} size="h2">
            Log in
          </Title>
        </Stack>
        {reason === 'expired' ? (
          <Alert color="blue" variant="light" mb="md" title="Your session has ended">
            Log in again to continue where you were.
          </Alert>
        ) : null}
        <form onSubmit={submit} noValidate>
          <FormErrors
            errors={formErrors}
            title={(errorCode && ERROR_TITLES[errorCode]) ?? 'Could not log in'}
          />
          <Stack gap="md">
            <TextInput
              label="E-mail"
              type="email"
              autoComplete="username"
              required
              autoFocus
              {...form.getInputProps('email')}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={loading} fullWidth>
              Log in
            </Button>
          </Stack>
        </form>
        <Text size="sm" c="dimmed" mt="lg">
          Forgot your password? Reset it from the{' '}
          <Anchor href="/" size="sm">
            storefront
          </Anchor>
          .
        </Text>
      </Paper>
    </Center>
  );
}
