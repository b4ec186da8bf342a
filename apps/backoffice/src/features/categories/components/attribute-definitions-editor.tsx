import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';

import { LOCALES } from '../../../shared/i18n/translations';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '../../../shared/icons';
import { ATTRIBUTE_TYPES, emptyDefinition, type CategoryFormValues } from './category-form-values';

/**
 * The attributes products of this category carry (and its subcategories
 * inherit): key, names per locale, type, ENUM options, NUMBER unit, whether
 * required to publish, whether offered as a search facet.
 */
export function AttributeDefinitionsEditor({
  form,
  inherited,
}: {
  form: UseFormReturnType<CategoryFormValues>;
  inherited: readonly { key: string; name: string }[];
}) {
  const definitions = form.values.attributeDefinitions;
  return (
    <Stack gap="sm">
      {inherited.length > 0 ? (
        <Text size="sm" c="dimmed">
          Inherited from the parent: {inherited.map((d) => `${d.name} (${d.key})`).join(', ')}.
        </Text>
      ) : null}
      {definitions.length === 0 ? (
        <Text size="sm" c="dimmed">
          No attributes of its own.
        </Text>
      ) : null}
      {definitions.map((definition, i) => {
        const at = `attributeDefinitions.${i}`;
        const n = i + 1;
        return (
          <Paper key={i} withBorder p="sm" component="fieldset" aria-label={`Attribute ${n}`}>
            <Stack gap="xs">
              <Group justify="space-between">
                <Text fw={600} size="sm">
                  Attribute {n}
                  {definition.name.EN ? `: ${definition.name.EN}` : ''}
                </Text>
                <Group gap={2}>
                  <ActionIcon
                    variant="subtle"
                    aria-label={`Move attribute ${n} up`}
                    disabled={i === 0}
                    onClick={() =>
                      form.reorderListItem('attributeDefinitions', { from: i, to: i - 1 })
                    }
                  >
                    <IconArrowUp size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    aria-label={`Move attribute ${n} down`}
                    disabled={i === definitions.length - 1}
                    onClick={() =>
                      form.reorderListItem('attributeDefinitions', { from: i, to: i + 1 })
                    }
                  >
                    <IconArrowDown size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove attribute ${n}`}
                    onClick={() => form.removeListItem('attributeDefinitions', i)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                <TextInput
                  label={`Attribute ${n} key`}
                  description="e.g. screen_size; used in filters and imports"
                  required
                  {...form.getInputProps(`${at}.key`)}
                />
                {LOCALES.map(({ locale, label, lang }) => (
                  <TextInput
                    key={locale}
                    lang={lang}
                    label={`Attribute ${n} name (${label})`}
                    required={locale === 'EN'}
                    {...form.getInputProps(`${at}.name.${locale}`)}
                  />
                ))}
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                <NativeSelect
                  label={`Attribute ${n} type`}
                  data={ATTRIBUTE_TYPES}
                  {...form.getInputProps(`${at}.type`)}
                />
                {definition.type === 'ENUM' ? (
                  <TagsInput
                    label={`Attribute ${n} options`}
                    description="Press Enter after each value"
                    required
                    {...form.getInputProps(`${at}.options`)}
                  />
                ) : null}
                {definition.type === 'NUMBER' ? (
                  <TextInput
                    label={`Attribute ${n} unit`}
                    description="e.g. cm, kg, in"
                    {...form.getInputProps(`${at}.unit`)}
                  />
                ) : null}
              </SimpleGrid>
              <Group gap="lg">
                <Checkbox
                  label={`Attribute ${n} required to publish`}
                  {...form.getInputProps(`${at}.required`, { type: 'checkbox' })}
                />
                <Checkbox
                  label={`Attribute ${n} is a search filter`}
                  {...form.getInputProps(`${at}.facet`, { type: 'checkbox' })}
                />
              </Group>
            </Stack>
          </Paper>
        );
      })}
      {form.errors['attributeDefinitions'] ? (
        <Text size="sm" c="red" role="alert">
          {form.errors['attributeDefinitions']}
        </Text>
      ) : null}
      <Group>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => form.insertListItem('attributeDefinitions', emptyDefinition())}
        >
          Add attribute
        </Button>
      </Group>
    </Stack>
  );
}
