import { useQuery } from '@apollo/client/react';
import { AppShell, Burger, Group, Loader, ScrollArea, Skeleton, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useMatches, useNavigation } from 'react-router';

import { ShellShopDocument } from '../../generated/graphql';
import { ColorSchemeToggle } from './color-scheme-toggle';
import { NavItemLink } from './nav-item-link';
import { navItems } from './navigation';

/** What a route may declare in its `handle`: the page title shown in the tab. */
export interface RouteHandle {
  title?: string;
}

function usePageTitle(): string | undefined {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i -= 1) {
    const title = (matches[i]?.handle as RouteHandle | undefined)?.title;
    if (title) return title;
  }
  return undefined;
}

/** The back-office frame: header with the shop name, navbar (a drawer below `sm`), main area. */
export function AppLayout() {
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const navigation = useNavigation();
  const { data, loading } = useQuery(ShellShopDocument);
  const shopName = data?.shop.name;
  const pageTitle = usePageTitle();

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
            <ColorSchemeToggle />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar id="main-navigation" aria-label="Main navigation" p="xs">
        <AppShell.Section grow component={ScrollArea}>
          {navItems.map((item) => (
            <NavItemLink key={item.to} item={item} onNavigate={closeNav} />
          ))}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
