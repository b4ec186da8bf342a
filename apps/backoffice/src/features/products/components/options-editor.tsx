import { ActionIcon, Button, Group, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';

import { IconPlus, IconTrash } from '../../../shared/icons';
import { fieldId, type ProductFormValues } from './product-form-values';

/**
 * The product's options ("Size": S, M, L). Variants pick one value of each.
 * While creating, adding or removing an option adds or removes that column of
 * every variant's values.
 */
export function OptionsEditor({
  form,
  syncVariants,
}: {
  form: UseFormReturnType<ProductFormValues>;
  /** Keep form.values.variants[*].optionValues aligned with the options (create mode). */
  syncVariants: boolean;
}) {
  const options = form.values.options;
  const add = () => {
    form.insertListItem('options', { name: '', values: [] });
    if (syncVariants) {
      form.values.variants.forEach((_, i) => form.insertListItem(`variants.${i}.optionValues`, ''));
    }
  };
  const remove = (j: number) => {
    form.removeListItem('options', j);
    if (syncVariants) {
      form.values.variants.forEach((_, i) => form.removeListItem(`variants.${i}.optionValues`, j));
    }
  };
  return (
    <Stack gap="xs">
      {options.length === 0 ? (
        <Text size="sm" c="dimmed">
          No options: the product comes in one kind. Add an option such as Size or Colour when its
          variants differ.
        </Text>
      ) : null}
      {options.map((_, j) => (
        <Group key={j} align="flex-start" gap="xs" wrap="wrap">
          <TextInput
            id={fieldId(`options.${j}.name`)}
            label={`Option ${j + 1} name`}
            placeholder="Size"
            w={{ base: '100%', xs: 180 }}
            {...form.getInputProps(`options.${j}.name`)}
          />
          <TagsInput
            id={fieldId(`options.${j}.values`)}
            label={`Option ${j + 1} values`}
            placeholder="S, M, L"
            description="Press Enter after each value"
            style={{ flex: 1, minWidth: 200 }}
            {...form.getInputProps(`options.${j}.values`)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={28}
            aria-label={`Remove option ${j + 1}`}
            onClick={() => remove(j)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      {form.errors['options'] ? (
        <Text size="sm" c="red" role="alert">
          {form.errors['options']}
        </Text>
      ) : null}
      <Group>
        <Button variant="default" size="xs" leftSection={<IconPlus size={14} />} onClick={add}>
          Add option
        </Button>
      </Group>
    </Stack>
  );
}
