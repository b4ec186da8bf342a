import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';

import { LOCALES } from '../../../shared/i18n/translations';
import { fieldId, type ProductFormValues } from './product-form-values';

type LocalizedPath = 'title' | 'description' | 'seoTitle' | 'seoDescription';

/**
 * One input per locale for a translatable field ("Title (English)",
 * "Title (简体中文)"). English is the fallback, so it is the required one.
 */
export function LocalizedInputs({
  form,
  path,
  label,
  required = false,
  multiline = false,
  description,
}: {
  form: UseFormReturnType<ProductFormValues>;
  path: LocalizedPath;
  label: string;
  required?: boolean;
  multiline?: boolean;
  /** Help under each input (e.g. a character counter), per locale's current text. */
  description?: (value: string) => ReactNode;
}) {
  const values = form.values[path];
  return (
    <SimpleGrid cols={{ base: 1, sm: multiline ? 1 : 2 }} spacing="sm">
      {LOCALES.map(({ locale, label: localeLabel, lang }) => {
        const props = {
          id: fieldId(`${path}.${locale}`),
          label: `${label} (${localeLabel})`,
          lang,
          required: required && locale === 'EN',
          description: description?.(values[locale]),
          ...form.getInputProps(`${path}.${locale}`),
        };
        return multiline ? (
          <Textarea key={locale} rows={6} resize="vertical" {...props} />
        ) : (
          <TextInput key={locale} {...props} />
        );
      })}
    </SimpleGrid>
  );
}
