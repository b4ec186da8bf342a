import {
  ActionIcon,
  Badge,
  Button,
  CloseButton,
  Group,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';

import type {
  RoleAssignmentList_AssignmentFragment,
  StaffTable_MemberFragment,
} from '../../../generated/graphql';
import { IconPlus, IconTrash } from '../../../shared/icons';

/** A seller's staff and their roles there (fragment: staff-table.graphql). */
export function StaffTable({
  members,
  onAssign,
  onWithdraw,
  onRemove,
}: {
  members: readonly StaffTable_MemberFragment[];
  /** Absent without STAFF_MANAGE. */
  onAssign?: (member: StaffTable_MemberFragment) => void;
  onWithdraw?: (
    member: StaffTable_MemberFragment,
    assignment: RoleAssignmentList_AssignmentFragment,
  ) => void;
  onRemove?: (member: StaffTable_MemberFragment) => void;
}) {
  const manage = Boolean(onAssign || onRemove);
  return (
    <Table.ScrollContainer minWidth={640} type="native">
      <Table aria-label="Staff" verticalSpacing="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Person</Table.Th>
            <Table.Th>Roles here</Table.Th>
            {manage ? (
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <Table.Tr key={member.user.id}>
              <Table.Td>
                <Stack gap={0}>
                  <Group gap={6}>
                    <Text size="sm" fw={500}>
                      {member.user.name}
                    </Text>
                    {member.user.status === 'DISABLED' ? (
                      <Badge size="xs" color="gray" variant="light">
                        Disabled
                      </Badge>
                    ) : null}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {member.user.email}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Group gap={6}>
                  {member.assignments.map((assignment) => (
                    <Badge
                      key={assignment.id}
                      variant="light"
                      color="grape"
                      style={{ textTransform: 'none' }}
                      rightSection={
                        onWithdraw ? (
                          <CloseButton
                            size="xs"
                            aria-label={`Withdraw ${assignment.role.name} from ${member.user.name}`}
                            onClick={() => onWithdraw(member, assignment)}
                          />
                        ) : null
                      }
                    >
                      {assignment.role.name}
                      {assignment.store ? ` · ${assignment.store.name}` : ''}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              {manage ? (
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {onAssign ? (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        leftSection={<IconPlus size={12} />}
                        aria-label={`Assign a role to ${member.user.name}`}
                        onClick={() => onAssign(member)}
                      >
                        Role
                      </Button>
                    ) : null}
                    {onRemove ? (
                      <Tooltip label="Remove from staff">
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Remove ${member.user.name} from staff`}
                          onClick={() => onRemove(member)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    ) : null}
                  </Group>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
