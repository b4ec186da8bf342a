import {
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';

import { LOCALES } from '../../../shared/i18n/translations';
import { categorySelectData, type CategoryOption } from './category-options';
import { LocalizedInputs } from './localized-inputs';
import { MarkdownPreview } from './markdown-preview';
import { fieldId, type ProductFormValues } from './product-form-values';

/** Title, description (Markdown, with a preview), slug, brand, tags and category. */
export function GeneralFields({
  form,
  categories,
  creating,
}: {
  form: UseFormReturnType<ProductFormValues>;
  categories: readonly CategoryOption[];
  creating: boolean;
}) {
  const [preview, setPreview] = useState(false);
  return (
    <Stack gap="md">
      <LocalizedInputs form={form} path="title" label="Title" required />
      <Stack gap={4}>
        <LocalizedInputs
          form={form}
          path="description"
          label="Description"
          multiline
          description={() => 'Markdown: # heading, **bold**, *italic*, - list, [link](https://…)'}
        />
        <Group justify="flex-end">
          <Button
            variant="subtle"
            size="compact-sm"
            aria-pressed={preview}
            onClick={() => setPreview((shown) => !shown)}
          >
            {preview ? 'Hide preview' : 'Preview description'}
          </Button>
        </Group>
        {preview ? (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            {LOCALES.map(({ locale, label, lang }) => (
              <Paper
                key={locale}
                withBorder
                p="sm"
                component="section"
                aria-label={`Description preview (${label})`}
              >
                <Title order={3} size="h6" mb="xs" c="dimmed">
                  Preview ({label})
                </Title>
                <MarkdownPreview source={form.values.description[locale]} lang={lang} />
              </Paper>
            ))}
          </SimpleGrid>
        ) : null}
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          id={fieldId('categoryId')}
          label="Category"
          description="Decides which attributes the product has"
          data={categorySelectData(categories, 'No category')}
          {...form.getInputProps('categoryId')}
        />
        <TextInput id={fieldId('brand')} label="Brand" {...form.getInputProps('brand')} />
        <TagsInput
          id={fieldId('tags')}
          label="Tags"
          description="Press Enter after each tag"
          clearable
          {...form.getInputProps('tags')}
        />
        <TextInput
          id={fieldId('slug')}
          label="URL slug"
          description={
            creating
              ? 'Left empty, it is made from the English title'
              : 'Changing it changes the product’s address and QR code'
          }
          {...form.getInputProps('slug')}
        />
      </SimpleGrid>
      {categories.length === 0 ? (
        <Text size="sm" c="dimmed">
          No categories exist yet; an administrator creates them.
        </Text>
      ) : null}
    </Stack>
  );
}
