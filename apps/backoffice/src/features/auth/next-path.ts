/**
 * Where to go after logging in: the `next` search parameter when it is a path
 * inside the back-office, otherwise the dashboard. Never another origin
 * ("//evil.example", "https://...") and never the login page itself.
 */
export function safeNextPath(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (raw === '/login' || raw.startsWith('/login?') || raw.startsWith('/login/')) return '/';
  return raw;
}

/** /login?next=<path>, or plain /login for the dashboard. */
export function loginPath(next: string): string {
  const safe = safeNextPath(next);
  return safe === '/' ? '/login' : `/login?next=${encodeURIComponent(safe)}`;
}
