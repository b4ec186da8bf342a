import type { RouteObject } from 'react-router';

/** Signing up, in and back in (forgotten password), and confirming an e-mail address. */
export const authRoutes: RouteObject[] = [
  {
    path: 'sign-up',
    lazy: async () => ({ Component: (await import('./views/sign-up-view')).SignUpView }),
  },
  {
    path: 'log-in',
    lazy: async () => ({ Component: (await import('./views/log-in-view')).LogInView }),
  },
  {
    path: 'forgot-password',
    lazy: async () => ({
      Component: (await import('./views/forgot-password-view')).ForgotPasswordView,
    }),
  },
  {
    path: 'reset-password',
    lazy: async () => ({
      Component: (await import('./views/reset-password-view')).ResetPasswordView,
    }),
  },
  {
    path: 'verify-email',
    lazy: async () => ({
      Component: (await import('./views/verify-email-view')).VerifyEmailView,
    }),
  },
];
