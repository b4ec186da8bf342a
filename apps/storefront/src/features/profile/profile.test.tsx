import type { MockLink } from '@apollo/client/testing';
import { screen, within } from '@testing-library/react';
import { Kind, visit } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PublicProfilePageDocument, type PublicProfilePageQuery } from '../../generated/profile';
import { shellMocks } from '../../test/mocks';
import { renderApp } from '../../test/render';

function profileMock(
  id: string,
  profile: PublicProfilePageQuery['publicProfile'],
): MockLink.MockedResponse {
  const data: PublicProfilePageQuery = { publicProfile: profile };
  return { request: { query: PublicProfilePageDocument, variables: { id } }, result: { data } };
}

const GRACE: NonNullable<PublicProfilePageQuery['publicProfile']> = {
  __typename: 'PublicProfile',
  id: 'user-7',
  name: 'Grace Hopper',
  avatarUrl: null,
  memberSince: '2024-03-15T09:30:00Z',
  sellers: [
    { __typename: 'Seller', id: 'seller-1', name: 'Cobol Corner', slug: 'cobol-corner' },
    { __typename: 'Seller', id: 'seller-2', name: 'Bug Bazaar', slug: 'bug-bazaar' },
  ],
};

describe('public profile', () => {
  it('shows the name, initials without a picture, membership date and shops', async () => {
    renderApp('/u/user-7', [...shellMocks(), profileMock('user-7', GRACE)]);

    expect(await screen.findByRole('heading', { level: 1, name: 'Grace Hopper' })).toBeTruthy();
    const main = screen.getByRole('main');
    expect(within(main).getByText('GH')).toBeTruthy();
    expect(main.textContent).toContain('Member since March 2024');
    const shops = within(main).getByRole('region', { name: "Grace Hopper's shops" });
    expect(
      within(shops)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Cobol Corner', 'Bug Bazaar']);
    expect(within(shops).getByRole('link', { name: 'Bug Bazaar' }).getAttribute('href')).toBe(
      '/s/bug-bazaar',
    );
  });

  it('shows the picture when there is one', async () => {
    const url = 'https://img.example/grace.png';
    renderApp('/u/user-7', [...shellMocks(), profileMock('user-7', { ...GRACE, avatarUrl: url })]);

    await screen.findByRole('heading', { level: 1, name: 'Grace Hopper' });
    expect(screen.getByRole('main').querySelector('img')?.getAttribute('src')).toBe(url);
  });

  it('never shows an e-mail address, nor asks the API for one', async () => {
    renderApp('/u/user-7', [...shellMocks(), profileMock('user-7', GRACE)]);
    await screen.findByRole('heading', { level: 1, name: 'Grace Hopper' });

    const main = screen.getByRole('main');
    expect(main.textContent).not.toMatch(/@/);
    expect(main.querySelector('a[href^="mailto:"]')).toBeNull();

    // The page's query selects no contact details (a seller's included).
    const selected: string[] = [];
    visit(PublicProfilePageDocument, {
      [Kind.FIELD]: (node) => void selected.push(node.name.value),
    });
    expect(selected).not.toContain('email');
    expect(selected).not.toContain('contactEmail');
    expect(selected).not.toContain('contactPhone');
  });

  it('says so when there is no such member', async () => {
    renderApp('/u/nobody', [...shellMocks(), profileMock('nobody', null)]);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Profile not found' }),
    ).toBeTruthy();
  });
});
