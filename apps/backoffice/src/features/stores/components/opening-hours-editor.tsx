import { ActionIcon, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';

import { IconPlus, IconTrash } from '../../../shared/icons';
import type { StoreFormValues } from './store-form-values';
import { WEEKDAYS } from './weekdays';

/**
 * Opening hours per weekday, several ranges a day allowed (a lunch break),
 * none meaning closed. The form keeps them as the API's flat list
 * `openingHours: [{ day, opens, closes }]`, so an error the API reports at
 * `openingHours.3.closes` lands under that very input.
 */
export function OpeningHoursEditor({ form }: { form: UseFormReturnType<StoreFormValues> }) {
  const hours = form.values.openingHours;
  const path = 'openingHours';
  const wholeListError = form.errors['openingHours'];

  const add = (day: number) => {
    const last = [...hours].reverse().find((h) => h.day === day);
    form.insertListItem(path, {
      day,
      opens: last ? last.closes : '09:00',
      closes: last ? '20:00' : '18:00',
    });
  };
  const copyMondayToWeekdays = () => {
    const monday = hours.filter((h) => h.day === 1);
    const others = hours.filter((h) => h.day < 2 || h.day > 5);
    const copies = [2, 3, 4, 5].flatMap((day) => monday.map((h) => ({ ...h, day })));
    form.setFieldValue(
      path,
      [...others, ...copies].sort((a, b) => a.day - b.day),
    );
  };

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          Opening hours
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={copyMondayToWeekdays}
          disabled={!hours.some((h) => h.day === 1)}
        >
          Copy Monday to Tuesday–Friday
        </Button>
      </Group>
      <Table verticalSpacing={4} aria-label="Opening hours">
        <Table.Tbody>
          {WEEKDAYS.map((weekday) => {
            const ranges = hours
              .map((h, index) => ({ ...h, index }))
              .filter((h) => h.day === weekday.day);
            return (
              <Table.Tr key={weekday.day}>
                <Table.Th
                  scope="row"
                  w={110}
                  fw={500}
                  style={{ verticalAlign: 'top', paddingTop: 10 }}
                >
                  {weekday.name}
                </Table.Th>
                <Table.Td>
                  <Stack gap={4}>
                    {ranges.length === 0 ? (
                      <Text size="sm" c="dimmed" py={6}>
                        Closed
                      </Text>
                    ) : (
                      ranges.map((range, n) => (
                        <Group key={range.index} gap="xs" wrap="nowrap" align="flex-start">
                          <TextInput
                            type="time"
                            size="xs"
                            aria-label={`${weekday.name} opens${n ? ` (${n + 1})` : ''}`}
                            {...form.getInputProps(`openingHours.${range.index}.opens`)}
                          />
                          <Text size="sm" pt={4}>
                            to
                          </Text>
                          <TextInput
                            type="time"
                            size="xs"
                            aria-label={`${weekday.name} closes${n ? ` (${n + 1})` : ''}`}
                            {...form.getInputProps(`openingHours.${range.index}.closes`)}
                          />
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            mt={2}
                            aria-label={`Remove ${weekday.name} hours${n ? ` (${n + 1})` : ''}`}
                            onClick={() => form.removeListItem(path, range.index)}
                          >
                            <IconTrash size={14} />
                          </ActionIcon>
                        </Group>
                      ))
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td w={1} style={{ verticalAlign: 'top' }}>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    leftSection={<IconPlus size={12} />}
                    aria-label={`Add ${weekday.name} hours`}
                    onClick={() => add(weekday.day)}
                  >
                    Add
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {wholeListError ? (
        <Text size="sm" c="red" role="alert">
          {wholeListError}
        </Text>
      ) : null}
    </Stack>
  );
}
