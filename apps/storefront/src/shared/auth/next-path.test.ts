import { describe, expect, it } from 'vitest';
import { logInPath, safeNextPath } from './next-path';

describe('where to go after logging in (?next=)', () => {
  it.each([
    ['/account', '/account'],
    ['/u/42?tab=shops#top', '/u/42?tab=shops#top'],
    ['/orders/%2F..', '/orders/%2F..'],
  ])('follows a path of this app: %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    ['https://evil.example/', 'another origin'],
    ['//evil.example/path', 'protocol-relative'],
    ['/\\evil.example', 'backslash'],
    ['/\t/evil.example', 'tab stripped into //'],
    ['javascript:alert(1)', 'a script'],
    ['account', 'not a path'],
    ['/admin/users', 'the back-office'],
    ['/graphql', 'the API'],
    ['/log-in?next=/account', 'the log-in page itself'],
    ['', 'nothing'],
  ])('refuses %s (%s) and goes to the fallback', (next) => {
    expect(safeNextPath(next, '/fallback')).toBe('/fallback');
  });

  it('builds the log-in address that comes back to a page', () => {
    expect(logInPath('/account')).toBe('/log-in?next=/account');
    expect(logInPath('/u/1?x=a&y=b')).toBe('/log-in?next=/u/1%3Fx%3Da%26y%3Db');
    expect(logInPath('/')).toBe('/log-in');
    expect(logInPath('/log-in')).toBe('/log-in');
  });
});
