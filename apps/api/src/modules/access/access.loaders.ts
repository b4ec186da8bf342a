import type { PrismaClient } from '@bazaar/db';
import DataLoader from 'dataloader';

export function createAccessLoaders(prisma: PrismaClient) {
  return {
    roleById: new DataLoader(async (ids: readonly string[]) => {
      const rows = await prisma.role.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    assignmentCountByRole: new DataLoader(async (roleIds: readonly string[]) => {
      const counts = await prisma.roleAssignment.groupBy({
        by: ['roleId'],
        where: { roleId: { in: [...roleIds] } },
        _count: { _all: true },
      });
      const byRole = new Map(counts.map((row) => [row.roleId, row._count._all]));
      return roleIds.map((id) => byRole.get(id) ?? 0);
    }),
  };
}
