import { Avatar, Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';

import type { SellerUpdateInput, ShopProfileForm_SellerFragment } from '../../../generated/graphql';
import { FormErrors } from '../../../shared/forms/form-errors';
import type { PayloadError } from '../../../shared/forms/payload-errors';
import { useFieldErrors } from '../../../shared/forms/use-field-errors';

export type ShopProfileSubmit = (
  input: SellerUpdateInput,
) => Promise<{ errors: readonly PayloadError[] } | null>;

/**
 * A seller's public profile (fragment: shop-profile-form.graphql). The view
 * runs the mutation; the form shows its errors next to the fields.
 */
export function ShopProfileForm({
  seller,
  onSubmit,
  saving,
}: {
  seller: ShopProfileForm_SellerFragment;
  onSubmit: ShopProfileSubmit;
  saving: boolean;
}) {
  const form = useForm({
    initialValues: {
      name: seller.name,
      description: seller.description ?? '',
      logoUrl: seller.logoUrl ?? '',
      contactEmail: seller.contactEmail ?? '',
      contactPhone: seller.contactPhone ?? '',
    },
    validate: { name: (value) => (value.trim() ? null : 'The shop needs a name.') },
  });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form);

  const submit = form.onSubmit(async (values) => {
    clear();
    const optional = (value: string) => value.trim() || null;
    try {
      const result = await onSubmit({
        name: values.name.trim(),
        description: optional(values.description),
        logoUrl: optional(values.logoUrl),
        contactEmail: optional(values.contactEmail),
        contactPhone: optional(values.contactPhone),
      });
      if (result && !apply(result.errors)) form.resetDirty();
    } catch (error) {
      applyThrown(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <FormErrors errors={formErrors} title="The profile was not saved" />
      <Stack gap="md" maw={640}>
        <TextInput label="Shop name" required {...form.getInputProps('name')} />
        <TextInput
          label="Shop address"
          value={seller.slug}
          readOnly
          description="The slug of the shop's public page; it cannot be changed."
        />
        <Textarea
          label="Description"
          description="Shown on the shop's public page."
          autosize
          minRows={3}
          maxRows={10}
          {...form.getInputProps('description')}
        />
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextInput
            label="Logo URL"
            type="url"
            placeholder="https://…"
            style={{ flex: 1 }}
            {...form.getInputProps('logoUrl')}
          />
          <Avatar src={form.values.logoUrl || null} size={36} radius="sm" alt="Logo preview">
            {seller.name.charAt(0).toUpperCase()}
          </Avatar>
        </Group>
        <Group grow align="flex-start">
          <TextInput label="Contact e-mail" type="email" {...form.getInputProps('contactEmail')} />
          <TextInput label="Contact phone" type="tel" {...form.getInputProps('contactPhone')} />
        </Group>
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {form.isDirty() ? 'Unsaved changes' : ''}
          </Text>
          <Button type="submit" loading={saving} disabled={!form.isDirty()}>
            Save profile
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
