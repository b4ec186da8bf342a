import type { MockLink } from '@apollo/client/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  AccountEmailVerificationSendDocument,
  AddressCreateDocument,
  AddressDeleteDocument,
  OpenShopDocument,
  PasswordChangeDocument,
  ProfileUpdateDocument,
  type AccountEmailVerificationSendMutation,
  type AddressCreateMutation,
  type AddressDeleteMutation,
  type AddressInput,
  type OpenShopMutation,
  type PasswordChangeMutation,
  type ProfileUpdateMutation,
  type SellerCreateInput,
} from '../../generated/account';
import {
  accountPageMock,
  ADA,
  address,
  descriptionOf,
  shellMocks,
  shellViewerMock,
  type ViewerAddress,
} from '../../test/mocks';
import { renderApp } from '../../test/render';

type Mock = MockLink.MockedResponse;
type Errors = Array<{ code: string; field: string | null; message: string }>;

function type(label: string, value: string, within: HTMLElement = document.body) {
  const field = Array.from(within.querySelectorAll('label')).find(
    (l) => l.textContent?.replace(' (optional)', '') === label,
  )?.control as HTMLInputElement | HTMLSelectElement | undefined;
  if (!field) throw new Error(`No field labelled ${label}`);
  fireEvent.change(field, { target: { value } });
  return field;
}

async function openAccount(mocks: Mock[], options: Parameters<typeof accountPageMock>[0] = {}) {
  const rendered = renderApp(
    '/account',
    [...shellMocks(), shellViewerMock(ADA), accountPageMock(options), ...mocks],
    { session: 'signedIn' },
  );
  await screen.findByRole('heading', { level: 2, name: 'Profile' });
  return rendered;
}

function section(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

describe('account page', () => {
  it('sends a signed-out visitor to log in, and back here afterwards', async () => {
    const { router } = renderApp('/account', shellMocks());

    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/log-in');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/account');
  });

  it('updates the profile: the name follows everywhere, the picture previews as typed', async () => {
    const input = { name: 'Ada King', avatarUrl: 'https://img.example/ada.png' };
    const data: ProfileUpdateMutation = {
      profileUpdate: {
        __typename: 'ProfileUpdatePayload',
        user: { __typename: 'User', id: ADA.id, ...input },
        errors: [],
      },
    };
    await openAccount([
      { request: { query: ProfileUpdateDocument, variables: { input } }, result: { data } },
    ]);
    const profile = section('Profile');
    const header = screen.getByRole('banner');
    await within(header).findByRole('link', { name: 'Ada Lovelace' });
    // No picture yet: initials.
    expect(within(profile).getByText('AL')).toBeTruthy();

    type('Name', input.name, profile);
    type('Picture', input.avatarUrl, profile);
    expect(profile.querySelector('img')?.getAttribute('src')).toBe(input.avatarUrl);
    fireEvent.click(within(profile).getByRole('button', { name: 'Save profile' }));

    expect(await within(profile).findByText('Your profile is saved.')).toBeTruthy();
    expect(await within(header).findByRole('link', { name: 'Ada King' })).toBeTruthy();
  });

  it("shows the profile payload's field error next to the picture", async () => {
    const input = { name: 'Ada Lovelace', avatarUrl: 'https://img.example/ada.txt' };
    const data: ProfileUpdateMutation = {
      profileUpdate: {
        __typename: 'ProfileUpdatePayload',
        user: null,
        errors: [
          {
            __typename: 'ProfileUpdateError',
            code: 'AVATAR_URL_INVALID',
            field: 'avatarUrl',
            message: 'Use the address of an image.',
          },
        ],
      },
    };
    await openAccount([
      { request: { query: ProfileUpdateDocument, variables: { input } }, result: { data } },
    ]);
    const profile = section('Profile');

    const picture = type('Picture', input.avatarUrl, profile);
    fireEvent.click(within(profile).getByRole('button', { name: 'Save profile' }));

    await waitFor(() => expect(picture.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(picture)).toContain('Use the address of an image.');
    expect(within(profile).queryByText('Your profile is saved.')).toBeNull();
  });

  it('changes the password, showing a wrong current password next to that field', async () => {
    function changeMock(currentPassword: string, errors: Errors): Mock {
      const data: PasswordChangeMutation = {
        passwordChange: {
          __typename: 'PasswordChangePayload',
          user: errors.length ? null : { __typename: 'User', id: ADA.id },
          errors: errors.map((e) => ({ __typename: 'PasswordChangeError', ...e }) as never),
        },
      };
      const input = { currentPassword, newPassword: 'a-brand-new-secret' };
      return { request: { query: PasswordChangeDocument, variables: { input } }, result: { data } };
    }
    await openAccount([
      changeMock('wrong-guess', [
        { code: 'WRONG_PASSWORD', field: 'currentPassword', message: 'That is not your password.' },
      ]),
      changeMock('the-right-one', []),
    ]);
    const password = section('Password');

    const current = type('Current password', 'wrong-guess', password);
    type('New password', 'a-brand-new-secret', password);
    expect(current.getAttribute('autocomplete')).toBe('current-password');
    fireEvent.click(within(password).getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(descriptionOf(current)).toBe('That is not your password.'));

    type('Current password', 'the-right-one', password);
    fireEvent.click(within(password).getByRole('button', { name: 'Change password' }));
    expect(await within(password).findByText('Your password has been changed.')).toBeTruthy();
    expect((current as HTMLInputElement).value).toBe('');
  });

  it('shows whether the e-mail is confirmed and resends the confirmation e-mail', async () => {
    const data: AccountEmailVerificationSendMutation = {
      emailVerificationSend: { __typename: 'EmailVerificationSendPayload', sent: true, errors: [] },
    };
    await openAccount([
      { request: { query: AccountEmailVerificationSendDocument }, result: { data } },
    ]);
    const email = section('E-mail address');
    expect(within(email).getByText('ada@example.com')).toBeTruthy();
    expect(within(email).getByText('Not confirmed')).toBeTruthy();

    fireEvent.click(within(email).getByRole('button', { name: 'Resend confirmation e-mail' }));
    expect(
      await within(email).findByText('We sent a new confirmation link to ada@example.com.'),
    ).toBeTruthy();
  });
});

describe('address book', () => {
  const home = address();

  function addresses(): HTMLElement[] {
    return within(section('Address book')).queryAllByRole('article');
  }

  it('adds an address; a new default takes the marker from the old one', async () => {
    const input: AddressInput = {
      label: 'Work',
      recipient: 'Ada Lovelace',
      line1: '1 Rue de Rivoli',
      line2: null,
      postalCode: '75001',
      city: 'Paris',
      region: null,
      country: 'FR',
      phone: '+33 1 23 45 67 89',
      isDefault: true,
    };
    const created: ViewerAddress = { ...address(), ...input, id: 'address-2' } as ViewerAddress;
    const data: AddressCreateMutation = {
      addressCreate: { __typename: 'AddressCreatePayload', address: created, errors: [] },
    };
    await openAccount(
      [{ request: { query: AddressCreateDocument, variables: { input } }, result: { data } }],
      { addresses: [home] },
    );
    const book = section('Address book');
    expect(addresses()).toHaveLength(1);
    expect(within(addresses()[0]!).getByText('Default address')).toBeTruthy();

    fireEvent.click(within(book).getByRole('button', { name: 'Add an address' }));
    const form = within(book).getByRole('form', { name: 'New address' });
    await waitFor(() =>
      expect(document.activeElement).toBe(within(form).getByLabelText('Full name')),
    );
    type('Full name', input.recipient, form);
    type('Address', input.line1, form);
    type('Postal code', input.postalCode, form);
    type('City', input.city, form);
    type('Country', 'FR', form);
    type('Phone', input.phone!, form);
    type('Label', input.label!, form);
    fireEvent.click(within(form).getByLabelText('Use as my default address'));
    fireEvent.click(within(form).getByRole('button', { name: 'Save address' }));

    expect(await within(book).findByText('Address added.')).toBeTruthy();
    const [first, second] = addresses();
    expect(within(second!).getByRole('heading', { name: 'Work' })).toBeTruthy();
    expect(second!.textContent).toContain('75001 Paris');
    expect(second!.textContent).toContain('France');
    expect(within(second!).getByText('Default address')).toBeTruthy();
    expect(within(first!).queryByText('Default address')).toBeNull();
  });

  it('shows the address payload errors next to their fields', async () => {
    const input: AddressInput = {
      label: null,
      recipient: 'Ada Lovelace',
      line1: 'x',
      line2: null,
      postalCode: '0',
      city: 'Paris',
      region: null,
      country: 'FR',
      phone: null,
      isDefault: false,
    };
    const data: AddressCreateMutation = {
      addressCreate: {
        __typename: 'AddressCreatePayload',
        address: null,
        errors: [
          {
            __typename: 'AddressCreateError',
            code: 'FIELD_REQUIRED',
            field: 'line1',
            message: 'Enter the street address.',
          },
          {
            __typename: 'AddressCreateError',
            code: 'TOO_MANY_ADDRESSES',
            field: null,
            message: 'An address book holds 20 addresses at most.',
          },
        ],
      },
    };
    await openAccount([
      { request: { query: AddressCreateDocument, variables: { input } }, result: { data } },
    ]);
    const book = section('Address book');
    expect(within(book).getByText('No addresses yet.')).toBeTruthy();

    fireEvent.click(within(book).getByRole('button', { name: 'Add an address' }));
    const form = within(book).getByRole('form', { name: 'New address' });
    type('Full name', input.recipient, form);
    const line1 = type('Address', input.line1, form);
    type('Postal code', input.postalCode, form);
    type('City', input.city, form);
    type('Country', 'FR', form);
    fireEvent.click(within(form).getByRole('button', { name: 'Save address' }));

    await waitFor(() => expect(descriptionOf(line1)).toBe('Enter the street address.'));
    expect(within(form).getByRole('alert').textContent).toBe(
      'An address book holds 20 addresses at most.',
    );
  });

  it('deletes an address only after confirmation', async () => {
    const work = address({ id: 'address-2', label: 'Work', isDefault: false });
    const data: AddressDeleteMutation = {
      addressDelete: { __typename: 'AddressDeletePayload', deletedId: work.id, errors: [] },
    };
    await openAccount(
      [{ request: { query: AddressDeleteDocument, variables: { id: work.id } }, result: { data } }],
      { addresses: [home, work] },
    );
    const book = section('Address book');
    const card = within(book).getByRole('article', { name: 'Address: Work' });

    fireEvent.click(within(card).getByRole('button', { name: 'Delete Work' }));
    expect(within(card).getByText('Delete this address?')).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: 'Keep it' }));
    expect(addresses()).toHaveLength(2);

    fireEvent.click(within(card).getByRole('button', { name: 'Delete Work' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Yes, delete' }));

    expect(await within(book).findByText('Address deleted.')).toBeTruthy();
    expect(addresses()).toHaveLength(1);
    expect(within(book).queryByRole('article', { name: 'Address: Work' })).toBeNull();
  });
});

describe('open a shop', () => {
  const input: SellerCreateInput = {
    name: 'Café Zoë & Co',
    slug: 'cafe-zoe-co',
    description: null,
    contactEmail: 'hello@cafe.example',
    contactPhone: null,
    logoUrl: null,
  };

  function openShopMock(errors: Errors = []): Mock {
    const data: OpenShopMutation = {
      sellerCreate: {
        __typename: 'SellerCreatePayload',
        seller: errors.length
          ? null
          : { __typename: 'Seller', id: 'seller-1', name: input.name, slug: input.slug },
        errors: errors.map((e) => ({ __typename: 'SellerCreateError', ...e }) as never),
      },
    };
    return { request: { query: OpenShopDocument, variables: { input } }, result: { data } };
  }

  it('is linked from the account page', async () => {
    await openAccount([]);
    const shop = section('Your shop');
    expect(within(shop).getByRole('link', { name: 'Open a shop' }).getAttribute('href')).toBe(
      '/open-a-shop',
    );
  });

  it('suggests the web name from the name, shows a taken one next to its field', async () => {
    renderApp(
      '/open-a-shop',
      [
        ...shellMocks(),
        shellViewerMock(ADA),
        openShopMock([{ code: 'SLUG_TAKEN', field: 'slug', message: 'Another shop has it.' }]),
      ],
      { session: 'signedIn' },
    );
    await screen.findByRole('heading', { level: 1, name: 'Open a shop' });

    type('Shop name', input.name);
    const slug = screen.getByLabelText('Web name', { exact: false }) as HTMLInputElement;
    expect(slug.value).toBe('cafe-zoe-co');
    type('Contact e-mail', input.contactEmail!);
    fireEvent.click(screen.getByRole('button', { name: 'Open my shop' }));

    await waitFor(() => expect(descriptionOf(slug)).toContain('Another shop has it.'));
    // Edited by hand, the web name no longer follows the name.
    type('Web name', 'zoe');
    type('Shop name', 'Something else');
    expect(slug.value).toBe('zoe');
  });

  it('opens the shop, links to the back-office, which the header now offers too', async () => {
    renderApp(
      '/open-a-shop',
      [
        ...shellMocks(),
        shellViewerMock(ADA, false),
        openShopMock(),
        // The user now holds a role: the header asks again and gets the back-office.
        shellViewerMock(ADA, true),
      ],
      { session: 'signedIn' },
    );
    await screen.findByRole('heading', { level: 1, name: 'Open a shop' });
    expect(screen.queryByRole('link', { name: 'Back-office' })).toBeNull();

    type('Shop name', input.name);
    type('Contact e-mail', input.contactEmail!);
    fireEvent.click(screen.getByRole('button', { name: 'Open my shop' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Your shop is open' }),
    ).toBeTruthy();
    const main = screen.getByRole('main');
    expect(main.textContent).toContain('Café Zoë & Co is open.');
    expect(
      within(main).getByRole('link', { name: 'Go to the back-office' }).getAttribute('href'),
    ).toBe('/admin/');
    const header = screen.getByRole('banner');
    expect(
      (await within(header).findByRole('link', { name: 'Back-office' })).getAttribute('href'),
    ).toBe('/admin/');
  });

  it('sends a signed-out visitor to log in first', async () => {
    const { router } = renderApp('/open-a-shop', shellMocks());
    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeTruthy();
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/open-a-shop');
  });
});
