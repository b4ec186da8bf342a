import { useApolloClient } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  List,
  Stack,
  Stepper,
  Text,
  Title,
} from '@mantine/core';
import { useCallback, useState } from 'react';

import { useAccess } from '../../../shared/access/use-access';
import { IconAlert, IconUpload } from '../../../shared/icons';
import { PageHeader } from '../../../shared/layout/page-header';
import { useSessionStore } from '../../../shared/session/use-session';
import { describeError } from '../../../shared/feedback/describe-error';
import { ExportCatalogButton } from '../components/export-catalog-button';
import { ImportHistory } from '../components/import-history';
import { ImportProgress } from '../components/import-progress';
import {
  CATALOG_CSV_COLUMNS,
  MAX_IMPORT_BYTES,
  saveBlob,
  templateCsv,
  uploadImport,
} from '../http';

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The catalog import wizard: choose a CSV file, run it dry (validation only)
 * or for real, follow the background job's progress, read the row errors and
 * download the full report. Below: earlier imports. The export downloads the
 * same format.
 */
export function ImportsView({
  sellerId,
  pollInterval = 1000,
}: {
  sellerId: string;
  /** How often the running job is asked for its progress. */
  pollInterval?: number;
}) {
  const access = useAccess();
  const session = useSessionStore();
  const client = useApolloClient();
  const sellerName = access.seller(sellerId)?.seller.name ?? 'this seller';
  const missing = (['OFFERS_MANAGE', 'INVENTORY_MANAGE'] as const).filter(
    (permission) => !access.can(permission, sellerId),
  );
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  /** The shown job was started from `file` in this visit (not opened from the history). */
  const [jobFromFile, setJobFromFile] = useState(false);

  const chooseFile = (next: File | null) => {
    setFile(next);
    setUploadError(null);
    if (next && next.size > MAX_IMPORT_BYTES) setFileError('The file is larger than 20 MB.');
    else if (next && !/\.csv$/i.test(next.name) && next.type !== 'text/csv')
      setFileError('Choose a .csv file (UTF-8, comma-separated).');
    else setFileError(null);
  };

  const upload = async (asDryRun: boolean) => {
    if (!file) return;
    setUploading(true);
    setUploadError(null);
    try {
      const id = await uploadImport(session, { sellerId, dryRun: asDryRun, file });
      setJobId(id);
      setJobFromFile(true);
      setStep(2);
    } catch (error) {
      setUploadError(describeError(error));
    } finally {
      setUploading(false);
    }
  };

  const startOver = () => {
    chooseFile(null);
    setJobId(null);
    setJobFromFile(false);
    setDryRun(true);
    setStep(0);
  };

  const refreshHistory = useCallback(() => {
    void client.refetchQueries({ include: ['ImportJobs'] }).catch(() => undefined);
  }, [client]);

  const openJob = useCallback((id: string) => {
    setJobId(id);
    setJobFromFile(false);
    setStep(2);
  }, []);

  return (
    <>
      <PageHeader
        title="Import and export"
        description={`Create or update ${sellerName}’s products, variants, offers and stock from a CSV file; rows are matched by SKU, so importing a file twice changes nothing.`}
        actions={<ExportCatalogButton sellerId={sellerId} />}
      />
      {missing.length > 0 ? (
        <Alert color="yellow" variant="light" icon={<IconAlert />} mb="md">
          Importing also needs permission to manage offers and inventory for {sellerName}; the API
          will refuse the file without them.
        </Alert>
      ) : null}
      <Card withBorder padding="lg" mb="xl">
        <Stepper
          active={step}
          onStepClick={(next) => next < step && !uploading && setStep(next)}
          size="sm"
        >
          <Stepper.Step label="Choose a file" description="CSV, up to 20 MB">
            <Stack gap="md" mt="md">
              <FileInput
                label="CSV file"
                placeholder="Choose a CSV file"
                accept=".csv,text/csv"
                name="csv"
                clearable
                value={file}
                onChange={chooseFile}
                error={fileError}
                leftSection={<IconUpload size={16} />}
                description="One row per variant offered at a location, with a header row naming the columns."
              />
              <Text size="sm" c="dimmed">
                Columns: {CATALOG_CSV_COLUMNS.join(', ')}. Only sku, price and currency are
                required.{' '}
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => saveBlob(templateCsv(), 'catalog-import-template.csv')}
                >
                  Download template
                </Anchor>
              </Text>
              <Group justify="flex-end">
                <Button disabled={!file || Boolean(fileError)} onClick={() => setStep(1)}>
                  Continue
                </Button>
              </Group>
            </Stack>
          </Stepper.Step>
          <Stepper.Step label="Check or import" description="Dry run first">
            <Stack gap="md" mt="md">
              {file ? (
                <Text size="sm">
                  <Text span fw={500}>
                    {file.name}
                  </Text>{' '}
                  ({formatSize(file.size)})
                </Text>
              ) : null}
              <Checkbox
                label="Dry run: check every row without changing anything"
                description="Recommended before a real import. Afterwards you can import the same file for real."
                checked={dryRun}
                onChange={(event) => setDryRun(event.currentTarget.checked)}
              />
              {uploadError ? (
                <Alert
                  color="red"
                  variant="light"
                  icon={<IconAlert />}
                  role="alert"
                  title="The file was not accepted"
                >
                  {uploadError}
                </Alert>
              ) : null}
              <Group justify="space-between">
                <Button variant="default" onClick={() => setStep(0)} disabled={uploading}>
                  Back
                </Button>
                <Button
                  leftSection={<IconUpload size={16} />}
                  loading={uploading}
                  disabled={!file}
                  onClick={() => void upload(dryRun)}
                >
                  {dryRun ? 'Upload and check' : 'Upload and import'}
                </Button>
              </Group>
            </Stack>
          </Stepper.Step>
          <Stepper.Step label="Progress" description="Rows and errors">
            <Stack gap="md" mt="md">
              {jobId ? (
                <ImportProgress
                  key={jobId}
                  jobId={jobId}
                  pollInterval={pollInterval}
                  canImportForReal={jobFromFile && file !== null}
                  importing={uploading}
                  onImportForReal={() => void upload(false)}
                  onFinished={refreshHistory}
                />
              ) : null}
              {uploadError ? (
                <Alert
                  color="red"
                  variant="light"
                  icon={<IconAlert />}
                  role="alert"
                  title="The file was not accepted"
                >
                  {uploadError}
                </Alert>
              ) : null}
              <Group>
                <Button variant="default" onClick={startOver}>
                  Import another file
                </Button>
              </Group>
            </Stack>
          </Stepper.Step>
        </Stepper>
      </Card>
      <Title order={2} size="h4" mb="sm">
        Earlier imports
      </Title>
      <ImportHistory sellerId={sellerId} onOpen={openJob} />
      <Text size="xs" c="dimmed" mt="md" component="div">
        Formats:
        <List size="xs" mt={4}>
          <List.Item>
            tags, attributes (key=value) and option_values (name=value) are separated by “;”.
          </List.Item>
          <List.Item>
            price and compare_at_price in minor units (cents), currency as an ISO 4217 code.
          </List.Item>
          <List.Item>location is a stock location’s name; on_hand the quantity there.</List.Item>
        </List>
      </Text>
    </>
  );
}
