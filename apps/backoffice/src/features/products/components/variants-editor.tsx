import { useMutation } from '@apollo/client/react';
import { ActionIcon, Button, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useForm, type GetInputPropsReturnType, type UseFormReturnType } from '@mantine/form';
import { useState, type KeyboardEvent } from 'react';

import {
  VariantCreateDocument,
  VariantDeleteDocument,
  VariantUpdateDocument,
  type VariantRow_VariantFragment,
} from '../../../generated/graphql';
import { ConfirmDialog } from '../../../shared/feedback/confirm-dialog';
import { toast } from '../../../shared/feedback/toast';
import { FormErrors } from '../../../shared/forms/form-errors';
import { remapErrorFields } from '../../../shared/forms/remap-errors';
import { useFieldErrors } from '../../../shared/forms/use-field-errors';
import { IconCheck, IconPlus, IconTrash } from '../../../shared/icons';
import {
  DIMENSION_FIELDS,
  emptyVariant,
  fieldId,
  toVariantInput,
  toVariantValues,
  validateVariant,
  type DimensionField,
  type OptionValues,
  type ProductFormValues,
  type VariantValues,
} from './product-form-values';

const DIMENSION_LABELS: Record<DimensionField, string> = {
  weightGrams: 'Weight (g)',
  lengthMm: 'Length (mm)',
  widthMm: 'Width (mm)',
  heightMm: 'Height (mm)',
};

type InputPropsOf = (path: string) => GetInputPropsReturnType;

/** The inputs of one variant row; `index` names it ("Variant 2 SKU") and gives its field ids. */
function VariantCells({
  index,
  options,
  inputProps,
  prefix,
}: {
  index: number;
  options: readonly OptionValues[];
  inputProps: InputPropsOf;
  /** The row's path in its form ("variants.1." or ""). */
  prefix: string;
}) {
  const n = index + 1;
  const id = (field: string) => fieldId(`variants.${index}.${field}`);
  return (
    <>
      <Table.Td miw={140}>
        <TextInput
          id={id('sku')}
          aria-label={`Variant ${n} SKU`}
          required
          size="xs"
          {...inputProps(`${prefix}sku`)}
        />
      </Table.Td>
      <Table.Td miw={140}>
        <TextInput
          id={id('barcode')}
          aria-label={`Variant ${n} barcode`}
          size="xs"
          inputMode="numeric"
          {...inputProps(`${prefix}barcode`)}
        />
      </Table.Td>
      {options.map((option, j) => (
        <Table.Td key={j} miw={110}>
          <NativeSelect
            id={id(`optionValues.${j}`)}
            aria-label={`Variant ${n} ${option.name || `option ${j + 1}`}`}
            size="xs"
            data={[
              { value: '', label: '—' },
              ...option.values.map((value) => ({ value, label: value })),
            ]}
            {...inputProps(`${prefix}optionValues.${j}`)}
          />
        </Table.Td>
      ))}
      {DIMENSION_FIELDS.map((field) => (
        <Table.Td key={field} miw={90}>
          <TextInput
            id={id(field)}
            aria-label={`Variant ${n} ${DIMENSION_LABELS[field].toLowerCase()}`}
            size="xs"
            inputMode="numeric"
            {...inputProps(`${prefix}${field}`)}
          />
        </Table.Td>
      ))}
    </>
  );
}

function VariantsHead({ options }: { options: readonly OptionValues[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>SKU</Table.Th>
        <Table.Th>Barcode</Table.Th>
        {options.map((option, j) => (
          <Table.Th key={j}>{option.name || `Option ${j + 1}`}</Table.Th>
        ))}
        {DIMENSION_FIELDS.map((field) => (
          <Table.Th key={field}>{DIMENSION_LABELS[field]}</Table.Th>
        ))}
        <Table.Th>
          <Text component="span" size="sm" fw={700}>
            Actions
          </Text>
        </Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
}

/** While creating: the variants are part of the product form, sent with productCreate. */
export function NewProductVariants({ form }: { form: UseFormReturnType<ProductFormValues> }) {
  const { options, variants } = form.values;
  return (
    <>
      <Table.ScrollContainer minWidth={760} type="native">
        <Table aria-label="Variants" verticalSpacing={4}>
          <VariantsHead options={options} />
          <Table.Tbody>
            {variants.map((_, i) => (
              <Table.Tr key={i}>
                <VariantCells
                  index={i}
                  options={options}
                  prefix={`variants.${i}.`}
                  inputProps={(path) => form.getInputProps(path)}
                />
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove variant ${i + 1}`}
                    disabled={variants.length === 1}
                    onClick={() => form.removeListItem('variants', i)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {form.errors['variants'] ? (
        <Text size="sm" c="red" role="alert">
          {form.errors['variants']}
        </Text>
      ) : null}
      <Group mt="xs">
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => form.insertListItem('variants', emptyVariant(options.length))}
        >
          Add variant
        </Button>
      </Group>
    </>
  );
}

/** Enter in a row saves that row, not the product form around it. */
function onRowEnter(save: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT') {
      event.preventDefault();
      save();
    }
  };
}

/**
 * An existing product's variants: each row saved on its own (variantUpdate),
 * added (variantCreate) and deleted (variantDelete). Option values come from
 * the saved options.
 */
export function ExistingProductVariants({
  productId,
  variants,
  options,
  canEdit,
}: {
  productId: string;
  variants: readonly VariantRow_VariantFragment[];
  options: readonly OptionValues[];
  canEdit: boolean;
}) {
  const [adding, setAdding] = useState(false);
  const optionsKey = JSON.stringify(options.map((o) => [o.name, o.values]));
  return (
    <>
      <Table.ScrollContainer minWidth={820} type="native">
        <Table aria-label="Variants" verticalSpacing={4}>
          <VariantsHead options={options} />
          <Table.Tbody>
            {variants.map((variant, i) => (
              <ExistingVariantRow
                // Saved options changed: start the row again with their values.
                key={`${variant.id}:${optionsKey}`}
                index={i}
                variant={variant}
                options={options}
                canDelete={canEdit && variants.length > 1}
              />
            ))}
            {adding ? (
              <NewVariantRow
                index={variants.length}
                productId={productId}
                options={options}
                onDone={() => setAdding(false)}
              />
            ) : null}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canEdit && !adding ? (
        <Group mt="xs">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setAdding(true)}
          >
            Add variant
          </Button>
        </Group>
      ) : null}
    </>
  );
}

function RowErrors({
  errors,
  columns,
}: {
  errors: Parameters<typeof FormErrors>[0]['errors'];
  columns: number;
}) {
  if (errors.length === 0) return null;
  return (
    <Table.Tr>
      <Table.Td colSpan={columns}>
        <FormErrors errors={errors} title="The variant was not saved" />
      </Table.Td>
    </Table.Tr>
  );
}

function ExistingVariantRow({
  index,
  variant,
  options,
  canDelete,
}: {
  index: number;
  variant: VariantRow_VariantFragment;
  options: readonly OptionValues[];
  canDelete: boolean;
}) {
  const form = useForm<VariantValues>({
    initialValues: toVariantValues(variant, options),
    validate: (values) => validateVariant(values),
  });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form);
  const [variantUpdate, updateState] = useMutation(VariantUpdateDocument);
  const [variantDelete, deleteState] = useMutation(VariantDeleteDocument, {
    refetchQueries: ['ProductEditor'],
    awaitRefetchQueries: true,
  });
  const [confirming, setConfirming] = useState(false);
  const n = index + 1;

  const save = form.onSubmit(async (values) => {
    clear();
    const fieldMap: Record<string, string> = {};
    const input = toVariantInput(values, options, fieldMap);
    try {
      const { data } = await variantUpdate({ variables: { id: variant.id, input } });
      const errors = data?.variantUpdate.errors;
      if (!errors || apply(remapErrorFields(errors, fieldMap))) return;
      form.resetDirty();
      toast.success(`Variant ${input.sku} saved.`);
    } catch (error) {
      applyThrown(error);
    }
  });

  const remove = async () => {
    try {
      const { data } = await variantDelete({ variables: { id: variant.id } });
      const errors = data?.variantDelete.errors ?? [];
      if (errors.length > 0) {
        toast.error({
          title: `Variant ${variant.sku} was not deleted`,
          message: errors.map((e) => e.message).join(' '),
        });
        return;
      }
      toast.success(`Variant ${variant.sku} deleted.`);
    } catch (error) {
      toast.error({ title: `Variant ${variant.sku} was not deleted`, error });
    } finally {
      setConfirming(false);
    }
  };

  return (
    <>
      <Table.Tr onKeyDown={onRowEnter(() => save())} data-variant-id={variant.id}>
        <VariantCells
          index={index}
          options={options}
          prefix=""
          inputProps={(path) => form.getInputProps(path)}
        />
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant={form.isDirty() ? 'filled' : 'subtle'}
              aria-label={`Save variant ${n}`}
              loading={updateState.loading}
              onClick={() => save()}
            >
              <IconCheck size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Delete variant ${n}`}
              disabled={!canDelete}
              onClick={() => setConfirming(true)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
          <ConfirmDialog
            opened={confirming}
            title={`Delete variant ${variant.sku}?`}
            confirmLabel="Delete variant"
            loading={deleteState.loading}
            onConfirm={() => void remove()}
            onClose={() => setConfirming(false)}
          >
            <Text size="sm">
              Shoppers can no longer buy it. A variant that still has offers cannot be deleted.
            </Text>
          </ConfirmDialog>
        </Table.Td>
      </Table.Tr>
      <RowErrors errors={formErrors} columns={options.length + 7} />
    </>
  );
}

function NewVariantRow({
  index,
  productId,
  options,
  onDone,
}: {
  index: number;
  productId: string;
  options: readonly OptionValues[];
  onDone: () => void;
}) {
  const form = useForm<VariantValues>({
    initialValues: emptyVariant(options.length),
    validate: (values) => validateVariant(values),
  });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form);
  const [variantCreate, createState] = useMutation(VariantCreateDocument, {
    refetchQueries: ['ProductEditor'],
    awaitRefetchQueries: true,
  });

  const save = form.onSubmit(async (values) => {
    clear();
    const fieldMap: Record<string, string> = {};
    const input = toVariantInput(values, options, fieldMap);
    try {
      const { data } = await variantCreate({ variables: { productId, input } });
      const errors = data?.variantCreate.errors;
      if (!errors || apply(remapErrorFields(errors, fieldMap))) return;
      toast.success(`Variant ${input.sku} added.`);
      onDone();
    } catch (error) {
      applyThrown(error);
    }
  });

  return (
    <>
      <Table.Tr onKeyDown={onRowEnter(() => save())}>
        <VariantCells
          index={index}
          options={options}
          prefix=""
          inputProps={(path) => form.getInputProps(path)}
        />
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            <Button size="compact-xs" loading={createState.loading} onClick={() => save()}>
              Create variant
            </Button>
            <Button size="compact-xs" variant="subtle" onClick={onDone}>
              Cancel
            </Button>
          </Group>
        </Table.Td>
      </Table.Tr>
      <RowErrors errors={formErrors} columns={options.length + 7} />
    </>
  );
}
