import type { MockLink } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  SearchSuggestionsDocument,
  type SearchSuggestionsQuery,
  type SearchSuggestionsQueryVariables,
} from '../../generated/graphql';
import { shellMocks, statusPageMock } from '../../test/mocks';
import { renderApp } from '../../test/render';

const SUGGESTIONS: SearchSuggestionsQuery['searchSuggestions'] = [
  { __typename: 'SearchSuggestion', text: 'linen shirt', product: null },
  {
    __typename: 'SearchSuggestion',
    text: 'linen apron',
    product: {
      __typename: 'Product',
      id: 'product-9',
      slug: 'linen-apron',
      title: 'Linen apron',
      brand: 'Acme',
    },
  },
  { __typename: 'SearchSuggestion', text: 'lint roller', product: null },
];

function suggestionsMock(calls: string[] = []): MockLink.MockedResponse {
  return {
    request: { query: SearchSuggestionsDocument, variables: () => true },
    maxUsageCount: Number.POSITIVE_INFINITY,
    result: ({ query }: SearchSuggestionsQueryVariables) => {
      calls.push(query);
      const data: SearchSuggestionsQuery = {
        searchSuggestions: SUGGESTIONS.filter((s) => s.text.startsWith(query.toLowerCase())),
      };
      return { data };
    },
  };
}

async function typeInSearch(text: string) {
  const field = await screen.findByRole('combobox', { name: 'Search products' });
  fireEvent.focus(field);
  fireEvent.change(field, { target: { value: text } });
  return field as HTMLInputElement;
}

function activeOption(field: HTMLElement): string | null | undefined {
  const id = field.getAttribute('aria-activedescendant');
  return id ? document.getElementById(id)?.textContent : null;
}

describe('header search', () => {
  it('suggests as one types, once typing pauses', async () => {
    const calls: string[] = [];
    renderApp('/status', [...shellMocks(), statusPageMock(true), suggestionsMock(calls)]);
    const field = await typeInSearch('l');
    fireEvent.change(field, { target: { value: 'li' } });
    fireEvent.change(field, { target: { value: 'lin' } });

    const listbox = await screen.findByRole('listbox', { name: 'Suggestions' });
    expect(field.getAttribute('aria-expanded')).toBe('true');
    expect(field.getAttribute('aria-controls')).toBe(listbox.id);
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['linen shirt', 'Linen apron Acme · Product', 'lint roller']);
    // One request, for the text typed last.
    expect(calls).toEqual(['lin']);
  });

  it('moves through suggestions with the arrow keys, closes on Escape, then clears', async () => {
    renderApp('/status', [...shellMocks(), statusPageMock(true), suggestionsMock()]);
    const field = await typeInSearch('li');
    await screen.findByRole('listbox', { name: 'Suggestions' });
    expect(field.getAttribute('aria-activedescendant')).toBeNull();

    fireEvent.keyDown(field, { key: 'ArrowDown' });
    expect(activeOption(field)).toBe('linen shirt');
    expect(screen.getAllByRole('option')[0]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    expect(activeOption(field)).toBe('lint roller');
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    expect(activeOption(field)).toBe('linen shirt');
    fireEvent.keyDown(field, { key: 'ArrowUp' });
    expect(activeOption(field)).toBe('lint roller');
    expect(screen.getAllByRole('option')[0]?.getAttribute('aria-selected')).toBe('false');

    fireEvent.keyDown(field, { key: 'Escape' });
    expect(field.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(field.getAttribute('aria-activedescendant')).toBeNull();
    expect(field.value).toBe('li');

    fireEvent.keyDown(field, { key: 'Escape' });
    expect(field.value).toBe('');
  });

  it('opens a product suggestion on Enter', async () => {
    const { router } = renderApp('/status', [
      ...shellMocks(),
      statusPageMock(true),
      suggestionsMock(),
    ]);
    const field = await typeInSearch('li');
    await screen.findByRole('listbox', { name: 'Suggestions' });
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    fireEvent.keyDown(field, { key: 'Enter' });

    await waitFor(() => expect(router.state.location.pathname).toBe('/p/linen-apron'));
    expect(field.value).toBe('Linen apron');
    expect(field.getAttribute('aria-expanded')).toBe('false');
  });

  it('searches for a text suggestion on Enter, and for the typed text without one', async () => {
    const { router } = renderApp('/status', [
      ...shellMocks(),
      statusPageMock(true),
      suggestionsMock(),
    ]);
    const field = await typeInSearch('li');
    await screen.findByRole('listbox', { name: 'Suggestions' });
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/search'));
    expect(new URLSearchParams(router.state.location.search).get('q')).toBe('linen shirt');
    await screen.findByRole('heading', { level: 1, name: 'Results for “linen shirt”' });
    expect(field.value).toBe('linen shirt');

    fireEvent.change(field, { target: { value: 'lint' } });
    fireEvent.submit(field.closest('form')!);
    await waitFor(() => expect(router.state.location.search).toBe('?q=lint'));
  });

  it('opens a suggestion on click', async () => {
    const { router } = renderApp('/status', [
      ...shellMocks(),
      statusPageMock(true),
      suggestionsMock(),
    ]);
    await typeInSearch('lin');
    fireEvent.click(await screen.findByRole('option', { name: /Linen apron/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/p/linen-apron'));
  });
});
