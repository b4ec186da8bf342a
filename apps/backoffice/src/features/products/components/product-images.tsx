import { useApolloClient, useMutation } from '@apollo/client/react';
import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Card,
  Group,
  Image,
  List,
  Paper,
  Progress,
  Stack,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef, useState, type DragEvent } from 'react';

import {
  ProductImageAddDocument,
  ProductImageRemoveDocument,
  ProductImagesReorderDocument,
  ProductImageUpdateDocument,
  type ProductImages_ImageFragment,
} from '../../../generated/graphql';
import { ConfirmDialog } from '../../../shared/feedback/confirm-dialog';
import { describeError } from '../../../shared/feedback/describe-error';
import { toast } from '../../../shared/feedback/toast';
import { FormErrors } from '../../../shared/forms/form-errors';
import { remapErrorFields } from '../../../shared/forms/remap-errors';
import { useFieldErrors } from '../../../shared/forms/use-field-errors';
import {
  fromTranslations,
  LOCALES,
  toTranslationInputs,
  type Localized,
} from '../../../shared/i18n/translations';
import { useSessionStore } from '../../../shared/session/use-session';
import {
  IconAlert,
  IconArrowDown,
  IconArrowUp,
  IconGrip,
  IconTrash,
  IconUpload,
} from '../../../shared/icons';
import { fieldId } from './product-form-values';
import { checkFile, MEDIA_TYPES, uploadMedia, UploadError } from './upload-media';

function handleId(imageId: string): string {
  return `product-image-handle-${imageId}`;
}

function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/**
 * The product's images in order: upload (POST /media, then productImageAdd),
 * reorder by drag and drop or from the keyboard (arrow keys on the handle, or
 * the move buttons), alt text per locale, remove.
 */
export function ProductImages({
  productId,
  images,
  defaultAlt,
  canEdit,
}: {
  productId: string;
  images: readonly ProductImages_ImageFragment[];
  /** Alt text given to new uploads until edited (the product's English title). */
  defaultAlt: string;
  canEdit: boolean;
}) {
  const client = useApolloClient();
  const session = useSessionStore();
  const fileInput = useRef<HTMLInputElement>(null);
  const [pendingOrder, setPendingOrder] = useState<string[] | null>(null);
  const [reorderErrors, setReorderErrors] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState('');
  /** The image whose handle keeps the focus while its move settles. */
  const focusAfterMove = useRef<string | null>(null);
  const [dragId, setDragId] = useState<string | null>(null);
  const [overIndex, setOverIndex] = useState<number | null>(null);
  const [uploading, setUploading] = useState<{ done: number; total: number; name: string } | null>(
    null,
  );
  const [uploadErrors, setUploadErrors] = useState<string[]>([]);
  const [removing, setRemoving] = useState<ProductImages_ImageFragment | null>(null);

  const [reorder, reorderState] = useMutation(ProductImagesReorderDocument);
  const [imageAdd] = useMutation(ProductImageAddDocument);
  const [imageRemove, removeState] = useMutation(ProductImageRemoveDocument, {
    refetchQueries: ['ProductEditor'],
    awaitRefetchQueries: true,
  });

  const byId = new Map(images.map((image) => [image.id, image]));
  const ordered = (pendingOrder ?? images.map((image) => image.id))
    .map((id) => byId.get(id))
    .filter((image): image is ProductImages_ImageFragment => image !== undefined);

  useEffect(() => {
    if (!focusAfterMove.current) return;
    const handle = document.getElementById(handleId(focusAfterMove.current));
    if (handle && document.activeElement !== handle) handle.focus();
    if (pendingOrder === null) focusAfterMove.current = null;
  });

  const move = async (from: number, to: number) => {
    if (to < 0 || to >= ordered.length || from === to || reorderState.loading) return;
    const ids = moved(
      ordered.map((image) => image.id),
      from,
      to,
    );
    const movedId = ids[to] ?? '';
    setPendingOrder(ids);
    setReorderErrors([]);
    focusAfterMove.current = movedId;
    try {
      const { data } = await reorder({ variables: { productId, imageIds: ids } });
      const errors = data?.productImagesReorder.errors ?? [];
      if (errors.length > 0) {
        setReorderErrors(errors.map((e) => e.message));
        setAnnouncement('The new order was not saved.');
        return;
      }
      setAnnouncement(`Image moved to position ${to + 1} of ${ids.length}.`);
    } catch (error) {
      setReorderErrors([describeError(error)]);
    } finally {
      // The saved order now comes from the cache (or stays as it was after a failure).
      setPendingOrder(null);
    }
  };

  const upload = async (files: readonly File[]) => {
    if (files.length === 0) return;
    const errors: string[] = [];
    let added = 0;
    setUploadErrors([]);
    for (const [i, file] of files.entries()) {
      setUploading({ done: i, total: files.length, name: file.name });
      const refused = checkFile(file);
      if (refused) {
        errors.push(refused.message);
        continue;
      }
      try {
        const media = await uploadMedia(file, session);
        const alt = defaultAlt.trim()
          ? [{ locale: 'EN' as const, value: defaultAlt.trim() }]
          : null;
        const { data } = await imageAdd({ variables: { productId, mediaId: media.id, alt } });
        const payloadErrors = data?.productImageAdd.errors ?? [];
        if (payloadErrors.length > 0) {
          errors.push(...payloadErrors.map((e) => `${file.name}: ${e.message}`));
        } else {
          added += 1;
        }
      } catch (error) {
        errors.push(
          error instanceof UploadError ? error.message : `${file.name}: ${describeError(error)}`,
        );
      }
    }
    setUploading(null);
    setUploadErrors(errors);
    if (fileInput.current) fileInput.current.value = '';
    if (added > 0) {
      await client.refetchQueries({ include: ['ProductEditor'] }).catch(() => undefined);
      toast.success(added === 1 ? 'Image added.' : `${added} images added.`);
    }
  };

  const confirmRemove = async () => {
    if (!removing) return;
    try {
      const { data } = await imageRemove({ variables: { id: removing.id } });
      const errors = data?.productImageRemove.errors ?? [];
      if (errors.length > 0) {
        toast.error({
          title: 'The image was not removed',
          message: errors.map((e) => e.message).join(' '),
        });
        return;
      }
      toast.success('Image removed.');
    } catch (error) {
      toast.error({ title: 'The image was not removed', error });
    } finally {
      setRemoving(null);
    }
  };

  const filesDragged = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');

  return (
    <Stack gap="md">
      <div aria-live="polite" role="status">
        <VisuallyHidden>{announcement}</VisuallyHidden>
      </div>
      {canEdit ? (
        <Paper
          withBorder
          p="md"
          style={{ borderStyle: 'dashed' }}
          onDragOver={(event) => {
            if (filesDragged(event)) event.preventDefault();
          }}
          onDrop={(event) => {
            if (!filesDragged(event)) return;
            event.preventDefault();
            void upload(Array.from(event.dataTransfer.files));
          }}
        >
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed">
              Drop JPEG, PNG, WebP, AVIF or GIF images here (up to 10 MB each). The first image is
              the main one.
            </Text>
            <Button
              id={fieldId('images')}
              leftSection={<IconUpload size={16} />}
              onClick={() => fileInput.current?.click()}
              loading={uploading !== null}
            >
              Upload images
            </Button>
            <VisuallyHidden>
              <input
                ref={fileInput}
                type="file"
                aria-label="Image files"
                accept={MEDIA_TYPES.join(',')}
                multiple
                tabIndex={-1}
                onChange={(event) => void upload(Array.from(event.currentTarget.files ?? []))}
              />
            </VisuallyHidden>
          </Group>
          {uploading ? (
            <Stack gap={4} mt="sm">
              <Text size="xs">
                Uploading {uploading.done + 1} of {uploading.total}: {uploading.name}
              </Text>
              <Progress
                value={(uploading.done / uploading.total) * 100}
                aria-label="Upload progress"
                animated
              />
            </Stack>
          ) : null}
        </Paper>
      ) : null}
      {uploadErrors.length > 0 ? (
        <Alert
          color="red"
          variant="light"
          role="alert"
          icon={<IconAlert />}
          title="Some images were not added"
        >
          <List size="sm">
            {uploadErrors.map((message, i) => (
              <List.Item key={i}>{message}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {reorderErrors.length > 0 ? (
        <Alert
          color="red"
          variant="light"
          role="alert"
          icon={<IconAlert />}
          title="The new order was not saved"
        >
          {reorderErrors.join(' ')}
        </Alert>
      ) : null}

      {ordered.length === 0 ? (
        <Text size="sm" c="dimmed">
          No images yet. A product needs at least one to be published.
        </Text>
      ) : (
        <Box
          component="ol"
          aria-label="Images"
          p={0}
          m={0}
          style={{
            listStyle: 'none',
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
            gap: 'var(--mantine-spacing-sm)',
          }}
        >
          {ordered.map((image, i) => (
            <Card
              key={image.id}
              component="li"
              withBorder
              padding="sm"
              aria-label={`Image ${i + 1} of ${ordered.length}`}
              draggable={canEdit}
              onDragStart={(event: DragEvent) => {
                setDragId(image.id);
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', image.id);
              }}
              onDragOver={(event: DragEvent) => {
                if (!dragId) return;
                event.preventDefault();
                event.dataTransfer.dropEffect = 'move';
                setOverIndex(i);
              }}
              onDragLeave={() => setOverIndex((current) => (current === i ? null : current))}
              onDrop={(event: DragEvent) => {
                if (!dragId) return;
                event.preventDefault();
                const from = ordered.findIndex((candidate) => candidate.id === dragId);
                setDragId(null);
                setOverIndex(null);
                if (from >= 0) void move(from, i);
              }}
              onDragEnd={() => {
                setDragId(null);
                setOverIndex(null);
              }}
              style={{
                outline:
                  overIndex === i && dragId !== image.id
                    ? '2px dashed var(--mantine-primary-color-filled)'
                    : undefined,
                opacity: dragId === image.id ? 0.5 : 1,
              }}
            >
              <Stack gap="xs">
                <Group justify="space-between" wrap="nowrap">
                  <Group gap={4} wrap="nowrap">
                    {canEdit ? (
                      <ActionIcon
                        id={handleId(image.id)}
                        variant="subtle"
                        color="gray"
                        style={{ cursor: 'grab' }}
                        aria-label={`Reorder image ${i + 1}: drag, or use the arrow keys`}
                        aria-keyshortcuts="ArrowUp ArrowDown"
                        onKeyDown={(event) => {
                          if (event.key === 'ArrowUp' || event.key === 'ArrowLeft') {
                            event.preventDefault();
                            void move(i, i - 1);
                          } else if (event.key === 'ArrowDown' || event.key === 'ArrowRight') {
                            event.preventDefault();
                            void move(i, i + 1);
                          }
                        }}
                      >
                        <IconGrip size={16} />
                      </ActionIcon>
                    ) : null}
                    <Text size="sm" fw={600}>
                      {i === 0 ? '1 · Main image' : i + 1}
                    </Text>
                  </Group>
                  {canEdit ? (
                    <Group gap={2} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        aria-label={`Move image ${i + 1} earlier`}
                        disabled={i === 0 || reorderState.loading}
                        onClick={() => void move(i, i - 1)}
                      >
                        <IconArrowUp size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        aria-label={`Move image ${i + 1} later`}
                        disabled={i === ordered.length - 1 || reorderState.loading}
                        onClick={() => void move(i, i + 1)}
                      >
                        <IconArrowDown size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove image ${i + 1}`}
                        onClick={() => setRemoving(image)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  ) : null}
                </Group>
                <Image
                  src={image.image.thumb}
                  alt={image.alt}
                  h={160}
                  fit="contain"
                  loading="lazy"
                  draggable={false}
                />
                <ImageAltForm image={image} n={i + 1} canEdit={canEdit} />
              </Stack>
            </Card>
          ))}
        </Box>
      )}
      <ConfirmDialog
        opened={removing !== null}
        title="Remove this image?"
        confirmLabel="Remove image"
        loading={removeState.loading}
        onConfirm={() => void confirmRemove()}
        onClose={() => setRemoving(null)}
      >
        <Text size="sm">
          It disappears from the product page. Upload it again to bring it back.
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}

/** Alt text of one image, per locale (productImageUpdate). */
function ImageAltForm({
  image,
  n,
  canEdit,
}: {
  image: ProductImages_ImageFragment;
  n: number;
  canEdit: boolean;
}) {
  const form = useForm<{ alt: Localized }>({
    initialValues: { alt: fromTranslations(image.altTranslations) },
  });
  const { formErrors, apply, applyThrown, clear } = useFieldErrors(form);
  const [update, updateState] = useMutation(ProductImageUpdateDocument);

  const save = form.onSubmit(async (values) => {
    clear();
    const fieldMap: Record<string, string> = {};
    const alt = toTranslationInputs(values.alt, 'alt', fieldMap);
    try {
      const { data } = await update({ variables: { id: image.id, alt } });
      const errors = data?.productImageUpdate.errors;
      if (!errors || apply(remapErrorFields(errors, fieldMap))) return;
      form.resetDirty();
      toast.success(`Alt text of image ${n} saved.`);
    } catch (error) {
      applyThrown(error);
    }
  });

  return (
    <Stack gap={6}>
      <FormErrors errors={formErrors} title="The alt text was not saved" />
      {LOCALES.map(({ locale, label, lang }) => (
        <TextInput
          key={locale}
          size="xs"
          lang={lang}
          label={`Image ${n} alt text (${label})`}
          disabled={!canEdit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              save();
            }
          }}
          {...form.getInputProps(`alt.${locale}`)}
        />
      ))}
      {canEdit ? (
        <Group justify="flex-end">
          <Button
            size="compact-xs"
            variant={form.isDirty() ? 'filled' : 'default'}
            onClick={() => save()}
            loading={updateState.loading}
          >
            Save alt text
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
