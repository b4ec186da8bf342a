import { Loader, NativeSelect, SimpleGrid, Switch, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';

import type { AttributeFields_DefinitionFragment } from '../../../generated/graphql';
import { fieldId, type ProductFormValues } from './product-form-values';

/**
 * The product's attributes, one input per definition of its category
 * (inherited ones first): TEXT a text box, NUMBER a number with its unit,
 * BOOLEAN a switch, ENUM a select of the allowed options.
 */
export function AttributeFields({
  form,
  definitions,
  hasCategory,
  loading,
}: {
  form: UseFormReturnType<ProductFormValues>;
  definitions: readonly AttributeFields_DefinitionFragment[];
  hasCategory: boolean;
  loading: boolean;
}) {
  // Errors about the attributes as a whole ("at most 100 attributes").
  const groupError = form.errors['attributes'];
  return (
    <>
      {groupError ? (
        <Text size="sm" c="red" mb="sm" role="alert">
          {groupError}
        </Text>
      ) : null}
      {!hasCategory ? (
        <Text size="sm" c="dimmed">
          Choose a category on the General tab: its attributes appear here.
        </Text>
      ) : loading && definitions.length === 0 ? (
        <Loader size="sm" aria-label="Loading the category’s attributes" />
      ) : definitions.length === 0 ? (
        <Text size="sm" c="dimmed">
          This category defines no attributes.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="md">
          {definitions.map((definition) => (
            <AttributeField key={definition.key} form={form} definition={definition} />
          ))}
        </SimpleGrid>
      )}
    </>
  );
}

function AttributeField({
  form,
  definition,
}: {
  form: UseFormReturnType<ProductFormValues>;
  definition: AttributeFields_DefinitionFragment;
}) {
  const path = `attributes.${definition.key}`;
  const value = form.values.attributes[definition.key] ?? '';
  const error = form.errors[path];
  const common = {
    id: fieldId(path),
    required: definition.required,
    error,
    'data-attribute-key': definition.key,
  };
  const set = (next: string) => form.setFieldValue(path, next);

  switch (definition.type) {
    case 'BOOLEAN':
      return (
        <Switch
          {...common}
          label={definition.required ? `${definition.name} (required)` : definition.name}
          checked={value === 'true'}
          onChange={(event) => set(event.currentTarget.checked ? 'true' : 'false')}
          mt="md"
        />
      );
    case 'ENUM':
      return (
        <NativeSelect
          {...common}
          label={definition.name}
          data={[
            { value: '', label: definition.required ? 'Choose…' : 'Not set' },
            ...definition.options.map((option) => ({ value: option, label: option })),
          ]}
          value={value}
          onChange={(event) => set(event.currentTarget.value)}
        />
      );
    case 'NUMBER':
      return (
        <TextInput
          {...common}
          label={definition.unit ? `${definition.name} (${definition.unit})` : definition.name}
          inputMode="decimal"
          rightSection={
            definition.unit ? (
              <Text size="xs" c="dimmed" aria-hidden="true">
                {definition.unit}
              </Text>
            ) : null
          }
          rightSectionWidth={definition.unit ? 48 : undefined}
          value={value}
          onChange={(event) => set(event.currentTarget.value)}
        />
      );
    default:
      return (
        <TextInput
          {...common}
          label={definition.name}
          value={value}
          onChange={(event) => set(event.currentTarget.value)}
        />
      );
  }
}
