import { useQuery } from '@apollo/client/react';
import { AppShell, Burger, Group, Loader, ScrollArea, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useMatches, useNavigation } from 'react-router';

import { ShellShopDocument } from '../../generated/graphql';
import type { Requirement } from '../access/access';
import { useAccess, useCurrentSeller, useSellerIdFromUrl } from '../access/use-access';
import { NotAllowedState } from '../states/not-allowed';
import { ColorSchemeToggle } from './color-scheme-toggle';
import { NavItemLink } from './nav-item-link';
import { navSections } from './navigation';
import { SellerSwitcher } from './seller-switcher';
import { UserMenu } from './user-menu';

/**
 * What a route may declare in its `handle`: the page title shown in the tab,
 * and the permission the page needs (checked here, before the page renders).
 */
export interface RouteHandle {
  title?: string;
  requires?: Requirement;
}

/** The deepest value a matched route declares in its handle. */
function useHandle<K extends keyof RouteHandle>(key: K): RouteHandle[K] | undefined {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i -= 1) {
    const value = (matches[i]?.handle as RouteHandle | undefined)?.[key];
    if (value) return value;
  }
  return undefined;
}

/** The page, or a "not allowed" state when the viewer lacks what its route requires. */
function GuardedOutlet() {
  const access = useAccess();
  const requires = useHandle('requires');
  const sellerId = useSellerIdFromUrl();
  if (!access.allows(requires, sellerId)) return <NotAllowedState />;
  return <Outlet />;
}

/** The back-office frame: header with the shop name, navbar (a drawer below `sm`), main area. */
export function AppLayout() {
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const navigation = useNavigation();
  const { data, loading } = useQuery(ShellShopDocument);
  const shopName = data?.shop.name;
  const pageTitle = useHandle('title');
  const access = useAccess();
  const { current } = useCurrentSeller();
  const sections = navSections(access, current?.seller.id ?? null);

  const documentTitle = [pageTitle, shopName ? `${shopName} back-office` : 'Back-office']
    .filter(Boolean)
    .join(' · ');

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <title>{documentTitle}</title>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={navOpened}
              onClick={toggleNav}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
              aria-expanded={navOpened}
              aria-controls="main-navigation"
            />
            <Link to="/" style={{ color: 'inherit', textDecoration: 'none', minWidth: 0 }}>
              <Group gap={8} wrap="nowrap" miw={0}>
                {loading && !shopName ? (
                  <Skeleton height={18} width={120} aria-label="Loading shop name" />
                ) : (
                  <Text fw={700} truncate="end" data-testid="shop-name">
                    {shopName ?? 'Bazaar'}
                  </Text>
                )}
                <Text size="sm" c="dimmed" visibleFrom="xs">
                  Back-office
                </Text>
              </Group>
            </Link>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {navigation.state !== 'idle' ? <Loader size="xs" aria-label="Loading page" /> : null}
            <SellerSwitcher />
            <ColorSchemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar id="main-navigation" aria-label="Main navigation" p="xs">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap="md">
            {sections.map((section) => (
              <div key={section.id} role="group" aria-label={section.label ?? 'Overview'}>
                {section.label ? (
                  <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4} truncate="end">
                    {section.label}
                  </Text>
                ) : null}
                {section.items.map((item) => (
                  <NavItemLink key={item.to} item={item} onNavigate={closeNav} />
                ))}
              </div>
            ))}
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <GuardedOutlet />
      </AppShell.Main>
    </AppShell>
  );
}
