import { Badge, Card, DataList, Title } from '@mantine/core';

import type { UserAccountCard_UserFragment } from '../../../generated/graphql';
import { formatDate } from '../../../shared/format/date';

function YesNo({
  value,
  yes,
  no,
  warn = false,
}: {
  value: boolean;
  yes: string;
  no: string;
  warn?: boolean;
}) {
  return (
    <Badge variant="dot" color={value ? (warn ? 'orange' : 'teal') : 'gray'}>
      {value ? yes : no}
    </Badge>
  );
}

/** An account's security state (fragment: user-account-card.graphql). */
export function UserAccountCard({ user }: { user: UserAccountCard_UserFragment }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="user-account-title">
      <Title order={2} size="h4" id="user-account-title" mb="md">
        Account
      </Title>
      <DataList withDivider labelWidth="11rem">
        <DataList.Item>
          <DataList.ItemLabel>Status</DataList.ItemLabel>
          <DataList.ItemValue>
            <Badge color={user.status === 'ACTIVE' ? 'teal' : 'gray'} variant="light">
              {user.status === 'ACTIVE' ? 'Active' : 'Disabled'}
            </Badge>
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Locked</DataList.ItemLabel>
          <DataList.ItemValue>
            <YesNo value={user.locked} yes="Locked after failed logins" no="No" warn />
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>E-mail verified</DataList.ItemLabel>
          <DataList.ItemValue>
            <YesNo value={user.emailVerified} yes="Verified" no="Not verified" />
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Password reset</DataList.ItemLabel>
          <DataList.ItemValue>
            <YesNo
              value={user.passwordResetRequired}
              yes="Required before next login"
              no="Not required"
              warn
            />
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>Member since</DataList.ItemLabel>
          <DataList.ItemValue>{formatDate(user.createdAt)}</DataList.ItemValue>
        </DataList.Item>
      </DataList>
    </Card>
  );
}
