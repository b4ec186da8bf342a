import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createApolloClient } from '../../app/apollo';
import { AppProviders } from '../../app/providers';
import { routes } from '../../app/routes';
import { applyDocumentLanguage, LOCALE_STORAGE_KEY } from '../../shared/i18n/locale';
import { testSession } from '../../test/session';

interface SentRequest {
  operationName: string;
  acceptLanguage: string | undefined;
}

/**
 * The API, as far as the status page needs it, answering in the request's language;
 * every request is recorded with its Accept-Language header.
 */
function fakeApi(sent: SentRequest[]): typeof fetch {
  return async (_input, init) => {
    const body = JSON.parse(String(init?.body)) as { operationName: string };
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const acceptLanguage = headers['accept-language'];
    sent.push({ operationName: body.operationName, acceptLanguage });
    const name = acceptLanguage === 'zh-CN' ? '街角市场' : 'Corner Market';
    const apiStatus = { __typename: 'ApiStatus', database: true, version: '1.0.0' };
    const data =
      body.operationName === 'Shell' ? { shop: { __typename: 'Shop', name } } : { apiStatus };
    return new Response(JSON.stringify({ data }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
}

afterEach(() => {
  localStorage.clear();
  document.documentElement.lang = 'en';
});

describe('language switch', () => {
  it('sends the chosen language as Accept-Language, refetches the page in it, and remembers it', async () => {
    const sent: SentRequest[] = [];
    const session = testSession('signedOut');
    const client = createApolloClient(session, { fetch: fakeApi(sent) });
    const router = createMemoryRouter(routes, { initialEntries: ['/status'] });
    applyDocumentLanguage();
    render(
      <AppProviders client={client} session={session}>
        <RouterProvider router={router} />
      </AppProviders>,
    );

    const header = screen.getByRole('banner');
    expect(await within(header).findByRole('link', { name: 'Corner Market' })).toBeTruthy();
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((request) => request.acceptLanguage === 'en')).toBe(true);
    expect(document.documentElement.lang).toBe('en');

    const select = screen.getByRole('combobox', { name: 'Language 语言' }) as HTMLSelectElement;
    expect(select.value).toBe('en');
    expect(Array.from(select.options).map((option) => [option.textContent, option.lang])).toEqual([
      ['English', 'en'],
      ['简体中文', 'zh-CN'],
    ]);
    const before = sent.length;
    fireEvent.change(select, { target: { value: 'zh-CN' } });

    // The cache is reset: what is on screen is asked for again, in Chinese.
    expect(await within(header).findByRole('link', { name: '街角市场' })).toBeTruthy();
    const after = sent.slice(before);
    expect(after.map((request) => request.operationName)).toContain('Shell');
    expect(after.every((request) => request.acceptLanguage === 'zh-CN')).toBe(true);
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('zh-CN');
    await waitFor(() => expect(select.value).toBe('zh-CN'));
  });
});
