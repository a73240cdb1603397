// The platform operator's console (ui-contracts/platform-console): the tenant list and the tenant lifecycle.
import {
  AddTenantDomainDocument,
  CreateTenantDocument,
  ReactivateTenantDocument,
  RemoveTenantDomainDocument,
  SuspendTenantDocument,
  TenantsDocument,
  type TenantStatus,
} from '@chargebase/ui-contracts/platform-console';
import { errorsByField, type Execute } from './operations';

function badge(status: TenantStatus): string {
  switch (status) {
    case 'ACTIVE': return 'active';
    case 'SUSPENDED': return 'suspended';
    default: return 'unknown';
  }
}

export async function tenantTable(execute: Execute, after: string | null): Promise<{ rows: string[][]; next: string | null }> {
  const { tenants } = await execute(TenantsDocument, { first: 50, after });
  const rows = tenants.edges.map(({ cursor, node }) => [cursor, node.id, node.slug, node.name, badge(node.status), node.currency, node.timeZone]);
  return { rows, next: tenants.pageInfo.hasNextPage ? tenants.pageInfo.endCursor : null };
}

export async function onboard(execute: Execute, slug: string, name: string, currency: string, timeZone: string, host: string | null)
    : Promise<Map<string, string[]>> {
  const { createTenant } = await execute(CreateTenantDocument, { input: { slug, name, currency, timeZone } });
  if (createTenant.tenant === null) {
    return errorsByField(createTenant.userErrors);
  }
  const created = createTenant.tenant;
  const errors = new Map([['created', [`${created.slug} (${created.name}, ${created.currency}, ${created.timeZone}) is ${badge(created.status)}`]]]);
  if (host !== null) {
    const { addTenantDomain } = await execute(AddTenantDomainDocument, { input: { tenantId: created.id, host } });
    for (const [field, messages] of errorsByField(addTenantDomain.userErrors)) errors.set(`domain ${field}`, messages);
    if (addTenantDomain.tenant) errors.set('domains', [...addTenantDomain.tenant.domains]);
  }
  return errors;
}

export async function setSuspended(execute: Execute, tenantId: string, reason: string | null): Promise<string> {
  if (reason !== null) {
    const { suspendTenant } = await execute(SuspendTenantDocument, { input: { tenantId, reason } });
    const tenant = suspendTenant.tenant;
    return tenant ? `${tenant.slug}: ${badge(tenant.status)} (${tenant.suspendedReason ?? 'no reason'})` : suspendTenant.userErrors[0]?.message ?? '';
  }
  const { reactivateTenant } = await execute(ReactivateTenantDocument, { input: { tenantId } });
  return reactivateTenant.tenant ? `${reactivateTenant.tenant.slug}: ${badge(reactivateTenant.tenant.status)}` : reactivateTenant.userErrors[0]?.message ?? '';
}

export async function removeDomain(execute: Execute, tenantId: string, host: string): Promise<ReadonlyArray<string>> {
  const { removeTenantDomain } = await execute(RemoveTenantDomainDocument, { input: { tenantId, host } });
  return removeTenantDomain.tenant?.domains ?? removeTenantDomain.userErrors.map((error) => `${error.code}: ${error.message}`);
}
