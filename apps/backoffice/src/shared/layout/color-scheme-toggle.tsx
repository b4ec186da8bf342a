import { ActionIcon, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';

import { IconMoon, IconSun } from '../icons';

export function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: true });
  const next = computed === 'dark' ? 'light' : 'dark';
  return (
    <ActionIcon
      variant="default"
      size="lg"
      onClick={() => setColorScheme(next)}
      aria-label={next === 'dark' ? 'Use dark theme' : 'Use light theme'}
      title={next === 'dark' ? 'Use dark theme' : 'Use light theme'}
    >
      {computed === 'dark' ? <IconSun /> : <IconMoon />}
    </ActionIcon>
  );
}
