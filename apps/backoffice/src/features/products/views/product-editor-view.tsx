import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Badge,
  Button,
  Card,
  EmptyState,
  Fieldset,
  Grid,
  Group,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';

import {
  CategoryAttributesDocument,
  ProductCategoryOptionsDocument,
  ProductCreateDocument,
  ProductEditorDocument,
  ProductUpdateDocument,
  type AttributeFields_DefinitionFragment,
  type ProductEditorQuery,
} from '../../../generated/graphql';
import { useAccess } from '../../../shared/access/use-access';
import { buildCategoryTree, useAllCategories } from '../../../shared/categories/all-categories';
import { toast } from '../../../shared/feedback/toast';
import { FormErrors } from '../../../shared/forms/form-errors';
import type { PayloadError } from '../../../shared/forms/payload-errors';
import { remapErrorFields } from '../../../shared/forms/remap-errors';
import { useFieldErrors } from '../../../shared/forms/use-field-errors';
import { IconArrowLeft, IconExternal, IconPackage } from '../../../shared/icons';
import { PageHeader } from '../../../shared/layout/page-header';
import { ErrorState } from '../../../shared/states/error-state';
import { CardGridSkeleton } from '../../../shared/states/loading';
import { AttributeFields } from '../components/attribute-fields';
import { flattenCategories } from '../components/category-options';
import { tabOfPath, type EditorTab, type FieldTarget } from '../components/editor-tabs';
import { GeneralFields } from '../components/general-fields';
import { OptionsEditor } from '../components/options-editor';
import {
  fieldId,
  toCreateInput,
  toFormValues,
  toUpdateInput,
  validateProduct,
  type ProductFormValues,
} from '../components/product-form-values';
import { ProductImages } from '../components/product-images';
import { PublishPanel } from '../components/publish-panel';
import { QrCard } from '../components/qr-card';
import { SeoFields } from '../components/seo-fields';
import { ExistingProductVariants, NewProductVariants } from '../components/variants-editor';

type EditorProduct = NonNullable<ProductEditorQuery['product']>;

const TABS_ID = 'product-editor';
const FORM_TABS: ReadonlySet<EditorTab> = new Set(['general', 'attributes', 'variants', 'seo']);
const NO_DEFINITIONS: readonly AttributeFields_DefinitionFragment[] = [];

function productsPath(sellerId: string): string {
  return `/sellers/${encodeURIComponent(sellerId)}/products`;
}

/** Creates a product (no productId) or loads one and edits it. */
export function ProductEditorView({
  sellerId,
  productId,
}: {
  sellerId: string;
  productId?: string;
}) {
  if (!productId) return <ProductEditor sellerId={sellerId} product={null} />;
  return <ExistingProductEditor sellerId={sellerId} productId={productId} />;
}

function ExistingProductEditor({ sellerId, productId }: { sellerId: string; productId: string }) {
  const { data, error, refetch } = useQuery(ProductEditorDocument, {
    variables: { id: productId },
  });
  if (error && !data) {
    return (
      <ErrorState
        title="Could not load the product"
        error={error}
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );
  }
  if (!data) return <CardGridSkeleton cards={2} label="Loading the product" />;
  if (!data.product) {
    return (
      <EmptyState mt="xl" withIndicatorBackground>
        <EmptyState.Indicator>
          <IconPackage size={28} />
        </EmptyState.Indicator>
        <EmptyState.Title order={1}>Product not found</EmptyState.Title>
        <EmptyState.Description>
          It was deleted, or it is another seller’s draft.
        </EmptyState.Description>
        <EmptyState.Actions>
          <Button component={Link} to={productsPath(sellerId)}>
            All products
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }
  return <ProductEditor sellerId={sellerId} product={data.product} />;
}

/** Disables a panel's inputs for viewers who may only look. */
function Editable({ canEdit, children }: { canEdit: boolean; children: ReactNode }) {
  return (
    <Fieldset variant="unstyled" disabled={!canEdit} p={0} m={0}>
      {children}
    </Fieldset>
  );
}

function ProductEditor({ sellerId, product }: { sellerId: string; product: EditorProduct | null }) {
  const access = useAccess();
  const navigate = useNavigate();
  const creating = product === null;
  const canManage = access.can('PRODUCTS_MANAGE', sellerId);
  const ownedHere = product ? product.ownerSeller?.id === sellerId : true;
  // Platform catalogue managers may edit any product (productUpdate allows categories:manage).
  const canEdit =
    (canManage && ownedHere) || (!creating && access.platform.has('CATEGORIES_MANAGE'));

  const [tab, setTab] = useState<EditorTab>('general');
  const [focusRequest, setFocusRequest] = useState<{ id: string } | null>(null);

  const definitionsRef = useRef<readonly AttributeFields_DefinitionFragment[]>(NO_DEFINITIONS);
  const form = useForm<ProductFormValues>({
    initialValues: toFormValues(product),
    validate: (values) =>
      validateProduct(values, definitionsRef.current, { creating: product === null }),
  });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form);

  const categoryList = useAllCategories(ProductCategoryOptionsDocument).categories;
  const categories = useMemo(
    () => flattenCategories(buildCategoryTree(categoryList ?? [])),
    [categoryList],
  );
  const categoryId = form.values.categoryId;
  const storedCategory = product?.category?.id === categoryId ? product.category : null;
  const chosen = categories.find((c) => c.id === categoryId);
  const attributesQuery = useQuery(CategoryAttributesDocument, {
    variables: { slug: chosen?.slug ?? '' },
    skip: !categoryId || storedCategory !== null || !chosen,
  });
  const definitions =
    storedCategory?.attributeDefinitions ??
    (categoryId ? attributesQuery.data?.category?.attributeDefinitions : undefined) ??
    NO_DEFINITIONS;
  useEffect(() => {
    definitionsRef.current = definitions;
  }, [definitions]);

  const [productCreate, createState] = useMutation(ProductCreateDocument);
  const [productUpdate, updateState] = useMutation(ProductUpdateDocument);

  useEffect(() => {
    if (!focusRequest) return;
    const element = document.getElementById(focusRequest.id);
    element?.focus();
    element?.scrollIntoView?.({ block: 'center' });
  }, [focusRequest]);

  const goTo = (target: FieldTarget) => {
    setTab(target.tab);
    setFocusRequest({ id: target.path ? fieldId(target.path) : `${TABS_ID}-tab-${target.tab}` });
  };

  /** Shows the first tab holding one of these form paths. */
  const revealFirst = (paths: readonly string[]) => {
    for (const path of paths) {
      const target = tabOfPath(path);
      if (target) {
        goTo({ tab: target, path });
        return;
      }
    }
  };

  const showErrors = (errors: readonly PayloadError[], fieldMap: Record<string, string>) => {
    const remapped = remapErrorFields(errors, fieldMap);
    if (!apply(remapped)) return false;
    revealFirst(remapped.map((e) => e.field ?? '').filter(Boolean));
    return true;
  };

  const submit = form.onSubmit(
    async (values) => {
      clear();
      try {
        if (product === null) {
          const { input, fieldMap } = toCreateInput(values, sellerId, definitions);
          const { data } = await productCreate({ variables: { input } });
          const payload = data?.productCreate;
          if (!payload || showErrors(payload.errors, fieldMap) || !payload.product) return;
          toast.success({
            title: `${payload.product.title} created`,
            message: 'Add images and an offer with a price, then publish it.',
          });
          void navigate(`${productsPath(sellerId)}/${encodeURIComponent(payload.product.id)}`, {
            replace: true,
          });
          return;
        }
        const { input, fieldMap } = toUpdateInput(values, definitions);
        const { data } = await productUpdate({ variables: { id: product.id, input } });
        const payload = data?.productUpdate;
        if (!payload || showErrors(payload.errors, fieldMap)) return;
        form.resetDirty();
        toast.success(`${payload.product?.title ?? 'The product'} saved.`);
      } catch (error) {
        applyThrown(error);
      }
    },
    (errors) => revealFirst(Object.keys(errors)),
  );

  const errorTabs = new Set(
    Object.entries(form.errors)
      .filter(([, message]) => Boolean(message))
      .map(([path]) => tabOfPath(path)),
  );
  const tabLabel = (value: EditorTab, label: string) => (
    <Group gap={6} wrap="nowrap">
      <span>{label}</span>
      {errorTabs.has(value) ? (
        <Badge color="red" size="xs" circle aria-label="has errors">
          !
        </Badge>
      ) : null}
    </Group>
  );

  const title = product ? product.title || 'Untitled product' : 'New product';

  return (
    <>
      <PageHeader
        title={title}
        description={
          product
            ? `${product.variants.length === 1 ? '1 variant' : `${product.variants.length} variants`} · ${product.slug}`
            : 'Fill in at least an English title and one variant; images and publishing come next.'
        }
        actions={
          <Button
            component={Link}
            to={productsPath(sellerId)}
            variant="default"
            leftSection={<IconArrowLeft size={16} />}
          >
            All products
          </Button>
        }
      />
      {product && !canEdit ? (
        <Alert color="blue" variant="light" mb="md" title="You can look, not edit">
          {product.ownerSeller && product.ownerSeller.id !== sellerId
            ? `${product.ownerSeller.name} created this product; only they can change it. You can still sell it with your own offer.`
            : 'Your roles let you see this product but not change it.'}
        </Alert>
      ) : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <form onSubmit={submit} noValidate aria-label={creating ? 'New product' : 'Edit product'}>
            <FormErrors
              errors={formErrors}
              title={creating ? 'The product was not created' : 'The product was not saved'}
            />
            <Tabs
              id={TABS_ID}
              value={tab}
              onChange={(value) => value && setTab(value as EditorTab)}
              keepMounted
            >
              <Tabs.List style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
                <Tabs.Tab value="general">{tabLabel('general', 'General')}</Tabs.Tab>
                <Tabs.Tab value="attributes">{tabLabel('attributes', 'Attributes')}</Tabs.Tab>
                <Tabs.Tab value="variants">{tabLabel('variants', 'Options & variants')}</Tabs.Tab>
                <Tabs.Tab value="images" disabled={creating}>
                  Images
                </Tabs.Tab>
                <Tabs.Tab value="seo">{tabLabel('seo', 'SEO')}</Tabs.Tab>
                <Tabs.Tab value="offers" disabled={creating}>
                  Offers
                </Tabs.Tab>
              </Tabs.List>

              <Tabs.Panel value="general" pt="md">
                <Editable canEdit={canEdit}>
                  <GeneralFields form={form} categories={categories} creating={creating} />
                </Editable>
              </Tabs.Panel>

              <Tabs.Panel value="attributes" pt="md">
                <Editable canEdit={canEdit}>
                  <AttributeFields
                    form={form}
                    definitions={definitions}
                    hasCategory={Boolean(categoryId)}
                    loading={
                      attributesQuery.loading || (Boolean(categoryId) && !chosen && !storedCategory)
                    }
                  />
                </Editable>
              </Tabs.Panel>

              <Tabs.Panel value="variants" pt="md">
                <Editable canEdit={canEdit}>
                  <Stack gap="lg">
                    <Stack gap="xs">
                      <Title order={2} size="h4">
                        Options
                      </Title>
                      <OptionsEditor form={form} syncVariants={creating} />
                    </Stack>
                    <Stack gap="xs">
                      <Title order={2} size="h4">
                        Variants
                      </Title>
                      {product ? (
                        <>
                          <Text size="sm" c="dimmed">
                            Each variant is saved on its own. Options are saved with the product:
                            save it before choosing new option values here.
                          </Text>
                          <ExistingProductVariants
                            productId={product.id}
                            variants={product.variants}
                            options={product.options}
                            canEdit={canEdit}
                          />
                        </>
                      ) : (
                        <NewProductVariants form={form} />
                      )}
                    </Stack>
                  </Stack>
                </Editable>
              </Tabs.Panel>

              <Tabs.Panel value="images" pt="md">
                {product ? (
                  <ProductImages
                    productId={product.id}
                    images={product.images}
                    defaultAlt={form.values.title.EN || product.title}
                    canEdit={canEdit}
                  />
                ) : null}
              </Tabs.Panel>

              <Tabs.Panel value="seo" pt="md">
                <Editable canEdit={canEdit}>
                  <SeoFields form={form} />
                </Editable>
              </Tabs.Panel>

              <Tabs.Panel value="offers" pt="md">
                {product ? (
                  <Stack gap="sm" align="flex-start">
                    <Text size="sm">
                      Prices, stock and conditions belong to offers: each seller sells a variant
                      with its own offer. A product needs at least one offer with a price to be
                      published.
                    </Text>
                    <Button
                      id={fieldId('offers')}
                      component={Link}
                      to={`/sellers/${encodeURIComponent(sellerId)}/offers?product=${encodeURIComponent(product.id)}`}
                      rightSection={<IconExternal size={14} />}
                    >
                      Manage offers and prices
                    </Button>
                  </Stack>
                ) : null}
              </Tabs.Panel>
            </Tabs>
            {canEdit && FORM_TABS.has(tab) ? (
              <Group justify="flex-end" mt="lg">
                <Button type="submit" loading={createState.loading || updateState.loading}>
                  {creating ? 'Create product' : 'Save product'}
                </Button>
              </Group>
            ) : null}
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          {product ? (
            <Stack gap="md">
              <PublishPanel product={product} canEdit={canEdit} onGoTo={goTo} />
              <QrCard product={product} />
            </Stack>
          ) : (
            <Card withBorder padding="md">
              <Title order={2} size="h4" mb="xs">
                Publishing
              </Title>
              <Text size="sm" c="dimmed">
                A new product starts as a draft. Once it is created, add images and an offer with a
                price; the publish check then lists anything still missing.
              </Text>
            </Card>
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}
