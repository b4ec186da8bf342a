import { useQuery } from '@apollo/client/react';
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';

import { AuditEventsDocument, type AuditEventType } from '../../../generated/graphql';
import { useAccess } from '../../../shared/access/use-access';
import { useCursorPages } from '../../../shared/data-table/use-cursor-pages';
import { dateInputToIso } from '../../../shared/format/date';
import { PageHeader } from '../../../shared/layout/page-header';
import { ErrorState } from '../../../shared/states/error-state';
import { AUDIT_EVENT_TYPES } from '../components/audit-event-types';
import { AuditTable } from '../components/audit-table';

interface Filters {
  type: AuditEventType | '';
  actorId: string;
  subjectId: string;
  since: string;
  until: string;
}

const NO_FILTERS: Filters = { type: '', actorId: '', subjectId: '', since: '', until: '' };

/** The security audit log (Query.auditEvents), newest first, filtered and paged by the API. */
export function AuditView() {
  const access = useAccess();
  // What the inputs show; the typed ids reach the query once typing pauses.
  const [inputs, setInputs] = useState<Filters>(NO_FILTERS);
  const [actorId] = useDebouncedValue(inputs.actorId.trim(), 400);
  const [subjectId] = useDebouncedValue(inputs.subjectId.trim(), 400);
  const filters = {
    type: inputs.type || null,
    actorId: actorId || null,
    subjectId: subjectId || null,
    since: dateInputToIso(inputs.since),
    until: dateInputToIso(inputs.until, { endOfDay: true }),
  };
  // New filters start again from the first page.
  const pages = useCursorPages(50, JSON.stringify(filters));
  const change = (patch: Partial<Filters>) => setInputs((old) => ({ ...old, ...patch }));

  const { data, previousData, loading, error, refetch } = useQuery(AuditEventsDocument, {
    variables: { ...filters, ...pages.variables },
  });
  const shown = (data ?? previousData)?.auditEvents;
  const filtered = Object.values(inputs).some(Boolean);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Security events: logins, role changes, resets, key rotations and API keys."
      />
      <Group gap="sm" mb="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label="Event"
          value={inputs.type}
          onChange={(event) => change({ type: event.currentTarget.value as AuditEventType | '' })}
          data={[
            { value: '', label: 'All events' },
            ...Object.entries(AUDIT_EVENT_TYPES).map(([value, label]) => ({ value, label })),
          ]}
        />
        <TextInput
          label="Actor id"
          placeholder="User id"
          value={inputs.actorId}
          onChange={(event) => change({ actorId: event.currentTarget.value })}
        />
        <TextInput
          label="Subject id"
          placeholder="User id"
          value={inputs.subjectId}
          onChange={(event) => change({ subjectId: event.currentTarget.value })}
        />
        <TextInput
          label="Since"
          type="date"
          value={inputs.since}
          max={inputs.until || undefined}
          onChange={(event) => change({ since: event.currentTarget.value })}
        />
        <TextInput
          label="Until"
          type="date"
          value={inputs.until}
          min={inputs.since || undefined}
          onChange={(event) => change({ until: event.currentTarget.value })}
        />
        {filtered ? (
          <Button variant="subtle" onClick={() => setInputs(NO_FILTERS)}>
            Clear filters
          </Button>
        ) : null}
      </Group>
      {error && !shown ? (
        <ErrorState
          title="Could not load the audit log"
          error={error}
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : (
        <AuditTable
          mode="server"
          paging="cursor"
          withFilter={false}
          data={shown?.edges.map((edge) => edge.node) ?? []}
          rowCount={shown?.totalCount ?? 0}
          hasNextPage={data?.auditEvents.pageInfo.hasNextPage ?? false}
          loading={loading}
          pagination={pages.pagination}
          onPaginationChange={(next) => pages.change(next, data?.auditEvents.pageInfo.endCursor)}
          emptyMessage={filtered ? 'No events match these filters.' : 'No events recorded yet.'}
          linkToUsers={access.can('USERS_READ')}
          onFilterActor={(actorId) => change({ actorId })}
        />
      )}
    </>
  );
}
