/** Pages that sign in: never a destination after signing in (that would loop). */
const AUTH_PATHS = ['/log-in', '/sign-up'];

/**
 * Where to go after signing in: the `?next=` parameter when it is a path of this app
 * on this origin, else `fallback`. Full URLs, protocol-relative (`//host`) and
 * backslash tricks (`/\host`) are refused, as are other apps on the origin
 * (`/admin/`, `/graphql`).
 */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(next, window.location.origin);
  } catch {
    return fallback;
  }
  if (url.origin !== window.location.origin) return fallback;
  const { pathname } = url;
  if (AUTH_PATHS.includes(pathname)) return fallback;
  if (/^\/(admin|graphql)(\/|$)/.test(pathname)) return fallback;
  return `${pathname}${url.search}${url.hash}`;
}

/** The log-in page, coming back to `path` afterwards. */
export function logInPath(path: string): string {
  if (!path || path === '/' || AUTH_PATHS.includes(path.split('?')[0]!)) return '/log-in';
  return `/log-in?next=${encodeURIComponent(path).replaceAll('%2F', '/')}`;
}
