import { Button } from '@mantine/core';
import { useState } from 'react';

import { toast } from '../../../shared/feedback/toast';
import { IconDownload } from '../../../shared/icons';
import { useSessionStore } from '../../../shared/session/use-session';
import { downloadFile } from '../http';

/** Fetches an import's per-row error report (CSV) with the bearer token and saves it. */
export function ErrorReportButton({
  url,
  fileName,
  size = 'sm',
}: {
  url: string;
  fileName: string;
  size?: 'sm' | 'xs' | 'compact-sm';
}) {
  const session = useSessionStore();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadFile(session, url, `${fileName.replace(/\.csv$/i, '') || 'import'}-errors.csv`);
    } catch (error) {
      toast.error({ title: 'The error report was not downloaded', error });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="default"
      size={size}
      leftSection={<IconDownload size={14} />}
      loading={busy}
      onClick={() => void download()}
    >
      Download error report
    </Button>
  );
}
