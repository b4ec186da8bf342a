import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/** One theme for the whole back-office; features use theme tokens, never raw colours. */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8: white on indigo, and indigo on its light tint, reach WCAG AA contrast (4.5:1).
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif',
});

/** Mantine's dimmed text (gray 6) is 3.3:1 on white; gray 7 reads at AA contrast. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
