import { ActionIcon, Anchor, Badge, Code, Stack, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';

import type { AuditTable_EventFragment } from '../../../generated/graphql';
import {
  DataTable,
  type ColumnDef,
  type DataTableProps,
} from '../../../shared/data-table/data-table';
import { formatDateTime } from '../../../shared/format/date';
import { IconSearch } from '../../../shared/icons';
import { ALARMING_TYPES, AUDIT_EVENT_TYPES } from './audit-event-types';
import { compactJson } from './compact-json';

type Person = AuditTable_EventFragment['actor'];

function PersonCell({
  person,
  linkToUsers,
  onFilter,
  role,
}: {
  person: Person;
  linkToUsers: boolean;
  onFilter?: (id: string) => void;
  role: 'actor' | 'subject';
}) {
  if (!person) {
    return (
      <Text size="sm" c="dimmed">
        {role === 'actor' ? 'Anonymous' : '—'}
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      <Text size="sm" span>
        {linkToUsers ? (
          <Anchor component={Link} to={`/users/${encodeURIComponent(person.id)}`} size="sm">
            {person.name}
          </Anchor>
        ) : (
          person.name
        )}
        {onFilter ? (
          <Tooltip label={`Only events by ${person.name}`}>
            <ActionIcon
              variant="subtle"
              size="xs"
              ml={4}
              aria-label={`Only events by ${person.name}`}
              onClick={() => onFilter(person.id)}
            >
              <IconSearch size={12} />
            </ActionIcon>
          </Tooltip>
        ) : null}
      </Text>
      <Text size="xs" c="dimmed">
        {person.email}
      </Text>
    </Stack>
  );
}

function columns(
  linkToUsers: boolean,
  onFilterActor: (id: string) => void,
): ColumnDef<AuditTable_EventFragment>[] {
  return [
    {
      accessorKey: 'createdAt',
      header: 'Time',
      enableSorting: false,
      cell: ({ row }) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(row.original.createdAt)}
        </Text>
      ),
    },
    {
      accessorKey: 'type',
      header: 'Event',
      enableSorting: false,
      cell: ({ row }) => (
        <Badge
          variant="light"
          color={ALARMING_TYPES.has(row.original.type) ? 'red' : 'gray'}
          style={{ textTransform: 'none' }}
        >
          {AUDIT_EVENT_TYPES[row.original.type] ?? row.original.type}
        </Badge>
      ),
    },
    {
      id: 'actor',
      header: 'Actor',
      enableSorting: false,
      cell: ({ row }) => (
        <PersonCell
          person={row.original.actor}
          linkToUsers={linkToUsers}
          onFilter={onFilterActor}
          role="actor"
        />
      ),
    },
    {
      id: 'subject',
      header: 'Subject',
      enableSorting: false,
      cell: ({ row }) => (
        <PersonCell person={row.original.subject} linkToUsers={linkToUsers} role="subject" />
      ),
    },
    {
      accessorKey: 'ip',
      header: 'IP',
      enableSorting: false,
      cell: ({ row }) => (
        <Text size="sm" ff="monospace">
          {row.original.ip ?? '—'}
        </Text>
      ),
    },
    {
      id: 'details',
      header: 'Details',
      enableSorting: false,
      cell: ({ row }) => {
        const json = compactJson(row.original.details);
        if (!json)
          return (
            <Text size="sm" c="dimmed">
              —
            </Text>
          );
        return (
          <Tooltip
            label={<pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{json.full}</pre>}
            multiline
            w={360}
            disabled={json.short === json.full}
          >
            <Code style={{ whiteSpace: 'nowrap' }}>{json.short}</Code>
          </Tooltip>
        );
      },
    },
  ];
}

/** Security events (fragment: audit-table.graphql); filters and paging belong to the view. */
export function AuditTable({
  linkToUsers,
  onFilterActor,
  ...props
}: Omit<DataTableProps<AuditTable_EventFragment>, 'label' | 'columns' | 'getRowId'> & {
  linkToUsers: boolean;
  onFilterActor: (id: string) => void;
}) {
  return (
    <DataTable<AuditTable_EventFragment>
      label="Audit events"
      columns={columns(linkToUsers, onFilterActor)}
      getRowId={(event) => event.id}
      minWidth={900}
      {...props}
    />
  );
}
