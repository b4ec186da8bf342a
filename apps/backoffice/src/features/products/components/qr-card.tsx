import { Anchor, Button, Card, Group, Image, Stack, Text, Title } from '@mantine/core';

import type { QrCard_ProductFragment } from '../../../generated/graphql';
import { IconDownload } from '../../../shared/icons';

/** The product's QR code (opens its storefront page), for labels and shelves in physical stores. */
export function QrCard({ product }: { product: QrCard_ProductFragment }) {
  const name = product.title || 'product';
  const fileName = name.replace(/[^\p{L}\p{N}_-]+/gu, '-').slice(0, 60) || 'product';
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="qr-card-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="qr-card-title">
          QR code
        </Title>
        <Image
          src={product.qrCodeSvgUrl}
          alt={`QR code that opens ${name} on the storefront`}
          w={160}
          h={160}
          fit="contain"
          bg="white"
          p={4}
          style={{ alignSelf: 'center' }}
        />
        <Text size="xs" c="dimmed" ta="center" style={{ wordBreak: 'break-all' }}>
          Opens{' '}
          <Anchor href={product.url} target="_blank" rel="noreferrer" size="xs">
            {product.url}
          </Anchor>
        </Text>
        <Group gap="xs" justify="center">
          <Button
            component="a"
            href={product.qrCodePngUrl}
            download={`${fileName}-qr.png`}
            variant="default"
            size="xs"
            leftSection={<IconDownload size={14} />}
          >
            Download PNG
          </Button>
          <Button
            component="a"
            href={product.qrCodeSvgUrl}
            download={`${fileName}-qr.svg`}
            variant="default"
            size="xs"
            leftSection={<IconDownload size={14} />}
          >
            Download SVG
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
