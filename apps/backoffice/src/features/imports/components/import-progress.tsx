import { useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Card,
  Group,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useEffect } from 'react';

import { ImportJobDocument, type ImportProgress_JobFragment } from '../../../generated/graphql';
import { ErrorState } from '../../../shared/states/error-state';
import { IconAlert, IconCheck } from '../../../shared/icons';
import { ErrorReportButton } from './error-report-button';
import { isFinished } from '../http';
import { ImportStatusBadge } from './import-status-badge';

/** Row errors shown on the page; the report holds every one. */
const SHOWN_ERRORS = 50;

/**
 * An import job while it runs and after: polls importJob(id) every
 * `pollInterval` ms until it SUCCEEDED or FAILED, with a progress bar, the
 * row counts, the first row errors and the full error report.
 */
export function ImportProgress({
  jobId,
  pollInterval = 1000,
  canImportForReal,
  onImportForReal,
  onFinished,
  importing = false,
}: {
  jobId: string;
  pollInterval?: number;
  /** The file is still at hand, so a clean dry run can be followed by the real import. */
  canImportForReal: boolean;
  onImportForReal: () => void;
  onFinished?: (job: ImportProgress_JobFragment) => void;
  /** The real import is being uploaded. */
  importing?: boolean;
}) {
  const { data, error, refetch, stopPolling } = useQuery(ImportJobDocument, {
    variables: { id: jobId },
    fetchPolicy: 'network-only',
    nextFetchPolicy: 'network-only',
    pollInterval,
    notifyOnNetworkStatusChange: false,
  });
  const job = data?.importJob ?? null;
  const finished = job ? isFinished(job.status) : false;

  useEffect(() => {
    if (finished) stopPolling();
  }, [finished, stopPolling]);
  useEffect(() => {
    if (job && finished) onFinished?.(job);
    // Once per job when it finishes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [job?.id, finished]);

  if (error && !job) {
    return (
      <ErrorState
        title="Could not follow the import"
        error={error}
        onRetry={() => void refetch().catch(() => undefined)}
      />
    );
  }
  if (!data) {
    return (
      <Stack gap="xs" role="status" aria-label="Loading the import">
        <Text size="sm" c="dimmed">
          Waiting for the import to start…
        </Text>
        <Progress value={0} aria-label="Import progress" animated />
      </Stack>
    );
  }
  if (!job) {
    return (
      <Alert color="red" variant="light" icon={<IconAlert />} role="alert">
        This import does not exist, or you may not see it.
      </Alert>
    );
  }
  return <ImportJobSummary job={job} {...{ canImportForReal, onImportForReal, importing }} />;
}

export function ImportJobSummary({
  job,
  canImportForReal,
  onImportForReal,
  importing,
}: {
  job: ImportProgress_JobFragment;
  canImportForReal: boolean;
  onImportForReal: () => void;
  importing: boolean;
}) {
  const finished = isFinished(job.status);
  const kind = job.dryRun ? 'Dry run' : 'Import';
  const clean = job.status === 'SUCCEEDED' && job.failedRows === 0;
  const shownErrors = job.errors.slice(0, SHOWN_ERRORS);
  return (
    <Stack gap="md" component="section" aria-label="Import status">
      <Group justify="space-between" gap="xs">
        <Title order={2} size="h4">
          {kind} of {job.fileName}
        </Title>
        <ImportStatusBadge status={job.status} />
      </Group>
      <div>
        <Progress
          value={job.progress}
          aria-label="Import progress"
          size="lg"
          color={job.status === 'FAILED' ? 'red' : job.failedRows > 0 ? 'orange' : 'teal'}
          animated={!finished}
        />
        <Text size="sm" c="dimmed" mt={4} aria-live="polite">
          {job.status === 'QUEUED'
            ? 'Queued: the import starts in a moment.'
            : `${job.processedRows} of ${job.totalRows} rows checked (${job.progress}%).`}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <Count label="Rows" value={job.totalRows} />
        <Count label={job.dryRun ? 'Valid rows' : 'Rows imported'} value={job.succeededRows} />
        <Count
          label="Rows with errors"
          value={job.failedRows}
          color={job.failedRows ? 'red' : undefined}
        />
      </SimpleGrid>
      {job.failure ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlert />}
          role="alert"
          title="The file could not be read"
        >
          {job.failure}
        </Alert>
      ) : null}
      {finished && clean ? (
        <Alert
          color="teal"
          variant="light"
          icon={<IconCheck />}
          title={job.dryRun ? 'Every row is valid' : 'Import finished'}
        >
          {job.dryRun
            ? 'Nothing was changed. Import the file for real to apply it.'
            : `${job.succeededRows} rows imported.`}
        </Alert>
      ) : null}
      {job.failedRows > 0 && finished && !job.failure ? (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlert />}
          title={`${job.failedRows} rows have errors`}
        >
          {job.dryRun
            ? 'Nothing was changed. Fix these rows in the file and upload it again.'
            : 'The other rows were imported; these were skipped. Fix them and import the file again (rows already imported are updated, not duplicated).'}
        </Alert>
      ) : null}
      {job.errors.length > 0 ? (
        <Card withBorder padding="sm">
          <Group justify="space-between" mb="xs" gap="xs">
            <Text fw={500} size="sm">
              {job.errors.length > shownErrors.length
                ? `First ${shownErrors.length} row errors`
                : 'Row errors'}
            </Text>
            <ErrorReportButton url={job.errorReportUrl} fileName={job.fileName} size="xs" />
          </Group>
          <Table.ScrollContainer minWidth={520} type="native">
            <Table aria-label="Row errors" striped verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th ta="right">Row</Table.Th>
                  <Table.Th>Column</Table.Th>
                  <Table.Th>Code</Table.Th>
                  <Table.Th>Message</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shownErrors.map((error, i) => (
                  <Table.Tr key={`${error.row}-${error.column ?? ''}-${i}`}>
                    <Table.Td ta="right">{error.row}</Table.Td>
                    <Table.Td>{error.column ?? '—'}</Table.Td>
                    <Table.Td>
                      <Text span ff="monospace" size="xs">
                        {error.code}
                      </Text>
                    </Table.Td>
                    <Table.Td>{error.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      ) : finished && job.failedRows > 0 ? (
        <ErrorReportButton url={job.errorReportUrl} fileName={job.fileName} />
      ) : null}
      {finished && job.dryRun && clean && canImportForReal ? (
        <Group>
          <Button onClick={onImportForReal} loading={importing}>
            Import for real
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

function Count({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Card withBorder padding="sm" role="group" aria-label={label}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} c={color}>
        {value}
      </Text>
    </Card>
  );
}
