import type { Address, PrismaClient, RoleAssignment, Role } from '@bazaar/db';
import DataLoader from 'dataloader';

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows)
    (groups.get(key(row)) ?? groups.set(key(row), []).get(key(row))!).push(row);
  return groups;
}

export function createIdentityLoaders(prisma: PrismaClient) {
  return {
    userById: new DataLoader(async (ids: readonly string[]) => {
      const rows = await prisma.user.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    addressesByUser: new DataLoader(async (userIds: readonly string[]) => {
      const rows = await prisma.address.findMany({
        where: { userId: { in: [...userIds] } },
        orderBy: [{ isDefault: 'desc' }, { createdAt: 'asc' }],
      });
      const groups = groupBy<Address>(rows, (row) => row.userId);
      return userIds.map((id) => groups.get(id) ?? []);
    }),
    assignmentsByUser: new DataLoader(async (userIds: readonly string[]) => {
      const rows = await prisma.roleAssignment.findMany({
        where: { userId: { in: [...userIds] } },
        include: { role: true },
        orderBy: { createdAt: 'asc' },
      });
      const groups = groupBy<RoleAssignment & { role: Role }>(rows, (row) => row.userId);
      return userIds.map((id) => groups.get(id) ?? []);
    }),
  };
}

export { groupBy };
