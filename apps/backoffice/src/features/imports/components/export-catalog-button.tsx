import { Button } from '@mantine/core';
import { useState } from 'react';

import { toast } from '../../../shared/feedback/toast';
import { IconDownload } from '../../../shared/icons';
import { useSessionStore } from '../../../shared/session/use-session';
import { downloadFile } from '../http';

/** Downloads the seller's catalog (products, variants, offers, stock) in the import format. */
export function ExportCatalogButton({ sellerId }: { sellerId: string }) {
  const session = useSessionStore();
  const [busy, setBusy] = useState(false);
  const exportCatalog = async () => {
    setBusy(true);
    try {
      const query = new URLSearchParams({ sellerId });
      const name = await downloadFile(
        session,
        `/exports/catalog.csv?${query.toString()}`,
        'catalog.csv',
      );
      toast.success(`${name} downloaded.`);
    } catch (error) {
      toast.error({ title: 'The catalog was not exported', error });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="default"
      leftSection={<IconDownload size={16} />}
      loading={busy}
      onClick={() => void exportCatalog()}
    >
      Export CSV
    </Button>
  );
}
