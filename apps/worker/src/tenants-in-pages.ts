import { asTenantId, type Prisma, type TenantId } from "@idlife/db";

const TENANT_PAGE = 200;

/**
 * Every tenant (or only active ones), a page at a time. Tenants have no row-level security:
 * listing them is the one read across tenants that platform jobs (schedules, clean-ups, the
 * sweeper) make; suspended tenants hold files and unfinished rows too, so they are included
 * unless `activeOnly`.
 */
export async function* tenantsInPages(prisma: Prisma, options: { activeOnly?: boolean } = {}): AsyncGenerator<TenantId> {
  let after: string | undefined;
  for (;;) {
    const page = await prisma.tenant.findMany({
      where: { ...(options.activeOnly ? { status: "active" as const } : {}), ...(after ? { id: { gt: after } } : {}) },
      select: { id: true },
      orderBy: { id: "asc" },
      take: TENANT_PAGE,
    });
    for (const tenant of page) yield asTenantId(tenant.id);
    if (page.length < TENANT_PAGE) return;
    after = page.at(-1)!.id;
  }
}
