import { Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';

import { LocalizedInputs } from './localized-inputs';
import { SEO_DESCRIPTION_MAX, SEO_TITLE_MAX, type ProductFormValues } from './product-form-values';

function counter(max: number) {
  return function Counter(value: string) {
    const length = [...value].length;
    return (
      <Text component="span" size="xs" c={length > max ? 'red' : 'dimmed'}>
        {length} / {max} characters{length > max ? ' — search engines cut the rest' : ''}
      </Text>
    );
  };
}

/** What search engines and link previews show; left empty, the title and description are used. */
export function SeoFields({ form }: { form: UseFormReturnType<ProductFormValues> }) {
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Left empty, search engines get the product’s title and the start of its description.
      </Text>
      <LocalizedInputs
        form={form}
        path="seoTitle"
        label="SEO title"
        description={counter(SEO_TITLE_MAX)}
      />
      <LocalizedInputs
        form={form}
        path="seoDescription"
        label="SEO description"
        multiline
        description={counter(SEO_DESCRIPTION_MAX)}
      />
    </Stack>
  );
}
