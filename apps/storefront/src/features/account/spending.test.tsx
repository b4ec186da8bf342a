import type { MockLink } from '@apollo/client/testing';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  AccountSpendingDocument,
  type AccountSpendingQuery,
  type SpendingChartEntryFragment,
} from '../../generated/account';
import { money } from '../../test/catalog';
import { accountPageMock, ADA, shellMocks, shellViewerMock } from '../../test/mocks';
import { renderApp } from '../../test/render';

type Mock = MockLink.MockedResponse;

function entry(
  id: string,
  name: string,
  amount: number,
  currency = 'USD',
): SpendingChartEntryFragment {
  return {
    __typename: 'CategorySpending',
    category: { __typename: 'Category', id, name, slug: name.toLowerCase() },
    amount: { ...money(amount, currency), formatted: `${currency} ${(amount / 100).toFixed(2)}` },
  };
}

function spendingMock(entries: SpendingChartEntryFragment[], withFrom = false): Mock {
  const data: AccountSpendingQuery = { mySpendingByCategory: entries };
  return {
    request: {
      query: AccountSpendingDocument,
      variables: (variables: { from?: string }) => Boolean(variables.from) === withFrom,
    },
    result: { data },
  };
}

function openAccount(mocks: Mock[]) {
  return renderApp(
    '/account',
    [...shellMocks(), shellViewerMock(ADA), accountPageMock(), ...mocks],
    {
      session: 'signedIn',
    },
  );
}

describe('spending by category', () => {
  it('draws one bar per category, largest first, with the same figures as a table', async () => {
    openAccount([
      spendingMock([
        entry('c1', 'Home', 2500),
        entry('c2', 'Clothing', 10000),
        entry('c3', 'Books', 500, 'EUR'),
      ]),
      spendingMock([entry('c2', 'Clothing', 4000)], true),
    ]);
    const section = await screen.findByRole('region', { name: 'Spending by category' });
    const chart = await within(section).findByRole('img', { name: /^Spending by category in USD/ });
    expect(chart.getAttribute('aria-label')).toBe(
      'Spending by category in USD. Clothing: USD 100.00; Home: USD 25.00',
    );
    // Bars scale to the largest amount of their currency; currencies are never mixed.
    const bars = Array.from(chart.querySelectorAll<HTMLElement>('[style]')).map(
      (bar) => bar.style.width,
    );
    expect(bars).toEqual(['100%', '25%']);
    expect(within(section).getByRole('img', { name: /^Spending by category in EUR/ })).toBeTruthy();

    const table = within(section).getByRole('table', { name: 'Spending by category in USD' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toEqual(['ClothingUSD 100.00', 'HomeUSD 25.00']);

    fireEvent.change(within(section).getByRole('combobox', { name: 'Period' }), {
      target: { value: 'month' },
    });
    expect(
      await within(section).findByRole('img', {
        name: 'Spending by category in USD. Clothing: USD 40.00',
      }),
    ).toBeTruthy();
  });

  it('says so when nothing was bought, and links to purchases and the wallet', async () => {
    openAccount([spendingMock([])]);
    const section = await screen.findByRole('region', { name: 'Spending by category' });
    expect(await within(section).findByText('Nothing bought in this period yet.')).toBeTruthy();
    const links = screen.getByRole('region', { name: 'Orders and wallet' });
    expect(within(links).getByRole('link', { name: 'Your purchases' }).getAttribute('href')).toBe(
      '/account/purchases',
    );
    expect(within(links).getByRole('link', { name: 'Your wallet' }).getAttribute('href')).toBe(
      '/account/wallet',
    );
  });
});
