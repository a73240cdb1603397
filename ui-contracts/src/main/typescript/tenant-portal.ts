// The tenant portal (ui-contracts/tenant-portal; OU admins and analysts use the same documents): the screens a
// portal opens first and the actions it runs most: navigation by role, the organisation tree, profiles, tokens,
// charge points and their live status, sessions, rated CDRs and remote start.
import {
  BillingSettingsDocument,
  BlockTokenDocument,
  ChargePointsDocument,
  ChargePointStatusDocument,
  ChargingSessionsDocument,
  CreateProfileDocument,
  MeDocument,
  MspCdrsDocument,
  OrganisationTreeDocument,
  ProfilesDocument,
  RemoteStartTransactionDocument,
  StartConnectedAccountOnboardingDocument,
  TokensDocument,
  UpdateBillingSettingsDocument,
  UpdateProfileDocument,
  type AuthorizationStatus,
  type ChargePointStatus,
  type CommandOutcome,
  type OrganisationTreeQuery,
  type ProfileFieldsFragment,
  type Role,
  type TokenStatus,
} from '@chargebase/ui-contracts/tenant-portal';
import { errorsByField, instant, money, type Execute, type Subscribe } from './operations';

export function menuFor(role: Role): ReadonlyArray<string> {
  switch (role) {
    case 'TENANT_ADMIN': return ['Organisation', 'Profiles', 'Tokens', 'Assets', 'Tariffs', 'Sessions', 'CDRs', 'Settings'];
    case 'OU_ADMIN': return ['Organisation', 'Profiles', 'Tokens', 'Sessions', 'CDRs'];
    case 'ANALYST': return ['Sessions', 'CDRs'];
    case 'DRIVER':
    case 'PLATFORM_ADMIN': return [];
    default: return [];
  }
}

export async function navigation(execute: Execute): Promise<{ title: string; menu: ReadonlyArray<string> }> {
  const { me } = await execute(MeDocument, {});
  const menu = [...new Set(me.roles.flatMap(menuFor))];
  const who = me.user ? `${me.user.name} <${me.user.email}> (${me.user.role})` : `client ${me.clientId ?? '?'}`;
  const scope = me.organisationUnit ? ` in ${me.organisationUnit.name}` : '';
  return { title: `${me.tenant?.name ?? '?'} (${me.tenant?.slug ?? '?'}) — ${who}${scope}`, menu };
}

type Unit = OrganisationTreeQuery['organisationTree'];

/** The tree as indented rows, as far down as the document reaches. */
export async function organisationRows(execute: Execute): Promise<string[]> {
  const { organisationTree } = await execute(OrganisationTreeDocument, {});
  const row = (unit: Pick<Unit, 'id' | 'name' | 'depth' | 'isRoot'>) => `${'  '.repeat(unit.depth)}${unit.name}${unit.isRoot ? ' (root)' : ''}`;
  return [row(organisationTree), ...organisationTree.children.flatMap((child) => [
    row(child), ...child.children.flatMap((grandchild) => [row(grandchild), ...grandchild.children.map(row)]),
  ])];
}

function profileRow(profile: ProfileFieldsFragment): string[] {
  return [profile.id, profile.name, profile.email, profile.phone ?? '', profile.status === 'ACTIVE' ? 'active' : 'inactive',
    profile.externalReference ?? '', profile.organisationUnit?.name ?? ''];
}

export async function profileTable(execute: Execute, text: string, unitId: string | null, after: string | null)
    : Promise<{ rows: string[][]; total: number; previous: string | null; next: string | null }> {
  const { profiles } = await execute(ProfilesDocument, { first: 25, after, filter: { text, organisationUnitId: unitId, status: 'ACTIVE' } });
  return {
    rows: profiles.edges.map(({ node }) => profileRow(node)),
    total: profiles.totalCount,
    previous: profiles.pageInfo.hasPreviousPage ? profiles.pageInfo.startCursor : null,
    next: profiles.pageInfo.hasNextPage ? profiles.pageInfo.endCursor : null,
  };
}

export async function saveProfile(execute: Execute, form: { id: string | null; unitId: string; name: string; email: string; phone: string | null })
    : Promise<Map<string, string[]>> {
  if (form.id === null) {
    const { createProfile } = await execute(CreateProfileDocument, {
      input: { organisationUnitId: form.unitId, name: form.name, email: form.email, phone: form.phone },
    });
    return createProfile.profile ? new Map([['saved', [createProfile.profile.id]]]) : errorsByField(createProfile.userErrors);
  }
  const { updateProfile } = await execute(UpdateProfileDocument, {
    input: { profileId: form.id, organisationUnitId: form.unitId, name: form.name, email: form.email, phone: form.phone },
  });
  return updateProfile.profile ? new Map([['saved', [updateProfile.profile.status]]]) : errorsByField(updateProfile.userErrors);
}

function tokenBadge(status: TokenStatus): string {
  switch (status) {
    case 'ACTIVE': return 'active';
    case 'BLOCKED': return 'blocked';
    case 'EXPIRED': return 'expired';
    default: return 'unknown';
  }
}

export async function tokenTable(execute: Execute, ownerProfileId: string | null): Promise<string[][]> {
  const { tokens } = await execute(TokensDocument, { first: 100, filter: { ownerProfileId } });
  return tokens.edges.map(({ node }) => [node.uid, node.emaId ?? '', node.type, tokenBadge(node.status),
    node.expiresAt ? instant(node.expiresAt).toISOString() : 'no expiry', node.visualNumber ?? '',
    node.billing === 'CORPORATE_ACCOUNT' ? 'corporate' : 'own card', node.owner?.name ?? 'unassigned']);
}

export async function blockLostCard(execute: Execute, tokenId: string): Promise<string[]> {
  const { blockToken } = await execute(BlockTokenDocument, { input: { tokenId, reason: 'Reported lost' } });
  if (blockToken.token === null) {
    return [...errorsByField(blockToken.userErrors).values()].flat();
  }
  return blockToken.token.statusHistory.map((change) =>
    `${change.changedAt}: ${change.fromStatus === null ? 'new' : tokenBadge(change.fromStatus)} → ${tokenBadge(change.toStatus)}`
    + ` by ${change.changedBy ?? 'system'} (${change.reason ?? ''})`);
}

function chargePointBadge(status: ChargePointStatus): string {
  switch (status) {
    case 'ACTIVE': return 'in service';
    case 'DISABLED': return 'disabled';
    case 'OUT_OF_ORDER': return 'out of order';
    case 'DEMO': return 'demo';
    default: return 'unknown';
  }
}

export async function chargePointTable(execute: Execute, text: string | null, locationId: string | null): Promise<string[][]> {
  const { chargePoints } = await execute(ChargePointsDocument, { first: 50, text, locationId });
  return chargePoints.edges.map(({ node }) => [node.ocppIdentity, [node.vendor, node.model].filter(Boolean).join(' '),
    node.serialNumber ?? '', chargePointBadge(node.status), node.hasSecret ? 'secret set' : 'no secret', node.location.name,
    node.evses.map((evse) => `${evse.ocppNumber}: ${evse.evseId ?? evse.id}`).join(', ')]);
}

export function liveStatus(subscribe: Subscribe, chargePointId: string | null, show: (line: string) => void): () => void {
  return subscribe(ChargePointStatusDocument, { chargePointId }, ({ chargePointStatus }) => {
    const where = chargePointStatus.chargePoint?.ocppIdentity ?? '?';
    const connector = chargePointStatus.connectorId === null ? '' : ` connector ${chargePointStatus.connectorId}`;
    show(`${instant(chargePointStatus.at).toISOString()} ${where}${connector}: ${chargePointStatus.status ?? chargePointStatus.connection ?? ''}`
      + (chargePointStatus.errorCode && chargePointStatus.errorCode !== 'NoError' ? ` (${chargePointStatus.errorCode})` : ''));
  });
}

function authorisation(status: AuthorizationStatus | null): string {
  switch (status) {
    case null: return '';
    case 'ACCEPTED': return 'accepted';
    case 'BLOCKED': return 'card blocked';
    case 'EXPIRED': return 'card expired';
    case 'INVALID': return 'unknown card';
    case 'CONCURRENT_TX': return 'card already charging';
    default: return 'other';
  }
}

export async function sessionTable(execute: Execute, chargePointId: string | null, from: Date): Promise<string[][]> {
  const { chargingSessions } = await execute(ChargingSessionsDocument, {
    first: 100, filter: { chargePointId, from: from.toISOString(), status: null },
  });
  return chargingSessions.edges.map(({ node }) => {
    const metered = node.meterStartWh !== null && node.meterStopWh !== null ? node.meterStopWh - node.meterStartWh : node.energyWh;
    const periods = node.cpoCdr?.chargingPeriods.flatMap((period) => period.dimensions.map((d) => `${period.startAt} ${d.type}=${d.volume}`)) ?? [];
    return [node.id, String(node.transactionId ?? node.reportedTransactionId ?? ''), node.status, authorisation(node.authorization),
      node.chargePoint?.ocppIdentity ?? '', String(node.connectorId ?? ''), node.idTag ?? '', node.profile?.name ?? '',
      `${(metered / 1000).toFixed(3)} kWh`, node.startedAt ?? '', node.stoppedAt ?? '', node.stopReason ?? '',
      [node.latestEnergyWh, node.latestPowerW, node.latestSocPercent, node.latestSampleAt].filter(Boolean).join(' / '),
      node.incomplete ? `incomplete: ${node.incompleteReason ?? ''}` : '', node.inactivity ? `silent since ${node.inactivity.lastActivityAt}: ${node.inactivity.reason} (${node.inactivity.flaggedAt})` : '',
      node.ratingError ?? '', instant(node.createdAt).toISOString(), node.evse?.id ?? '',
      node.mspCdr ? `${node.mspCdr.cdrNumber} ${node.mspCdr.totalCost.inclVat ?? node.mspCdr.totalCost.exclVat}` : '', periods.join('; ')];
  });
}

export async function cdrExport(execute: Execute, organisationUnitId: string | null, from: string, to: string): Promise<string[][]> {
  const { mspCdrs } = await execute(MspCdrsDocument, { first: 100, filter: { organisationUnitId, from, to, includeSuperseded: false } });
  return mspCdrs.edges.map(({ node }) => [node.cdrNumber, `v${node.version}`, node.cpoCdr.cdrNumber, node.startAt, node.endAt,
    node.location?.name ?? '', node.profile?.id ?? '', node.totalEnergyKwh, node.totalTimeHours, node.totalParkingHours,
    money(node.totalCost.exclVat, node.currency), node.totalCost.inclVat === null ? '' : money(node.totalCost.inclVat, node.currency),
    `${node.tariff.name} v${node.tariffVersion.version}: ${node.tariffVersion.text}`, node.selection,
    node.lines.map((line) => `${line.dimension}${line.reservation ? ' (reservation)' : ''} ${line.billedQuantity}/${line.quantity} ${line.cost.exclVat}`).join('; '),
    `${node.ratedAt} by ${node.ratedBy ?? 'system'}`, node.supersededAt ?? 'current']);
}

function outcome(value: CommandOutcome): string {
  switch (value) {
    case 'PENDING': return 'sent, waiting';
    case 'ANSWERED': return 'answered';
    case 'CALL_ERROR': return 'refused by the charger';
    case 'TIMED_OUT': return 'no answer';
    case 'OFFLINE': return 'charger offline';
    case 'FAILED': return 'not sent';
    default: return 'unknown';
  }
}

export async function remoteStart(execute: Execute, chargePointId: string, idTag: string, connectorId: number | null): Promise<string> {
  const { remoteStartTransaction } = await execute(RemoteStartTransactionDocument, {
    input: { chargePointId, idTag, connectorId, reason: 'Started from the portal for a driver on the phone' },
  });
  const command = remoteStartTransaction.command;
  if (command === null) {
    return remoteStartTransaction.userErrors.map((error) => error.message).join('; ');
  }
  return `${command.action} to ${command.chargePoint?.ocppIdentity ?? '?'} at ${command.requestedAt} by ${command.requestedBy ?? '?'}`
    + ` (${command.reason ?? ''}, ${command.request}): ${outcome(command.outcome)} ${command.chargerStatus ?? ''} ${command.response ?? ''}`
    + ` ${command.error ?? ''} ${command.completedAt ?? ''}`;
}

/** Settings > Payments: the onboarding link to open (the account created the first time), or why not. */
export async function stripeOnboarding(execute: Execute, country: string | null, portalUrl: string): Promise<{ url: string } | { errors: Map<string, string[]> }> {
  const { startConnectedAccountOnboarding: started } = await execute(StartConnectedAccountOnboardingDocument, {
    input: { country, refreshUrl: `${portalUrl}/settings/payments?refresh=1`, returnUrl: `${portalUrl}/settings/payments` },
  });
  return started.url !== null && started.url !== undefined ? { url: started.url } : { errors: errorsByField(started.userErrors) };
}

/** The maximum number of payment methods per customer: the field shows the saved value; saving answers the errors by field. */
export async function paymentMethodLimit(execute: Execute, change: number | null): Promise<{ value: number; errors: Map<string, string[]> }> {
  const { billingSettings } = await execute(BillingSettingsDocument, {});
  if (change === null) {
    return { value: billingSettings.maxPaymentMethods, errors: new Map() };
  }
  const { updateBillingSettings: saved } = await execute(UpdateBillingSettingsDocument, { input: { maxPaymentMethods: change } });
  return { value: saved.billingSettings?.maxPaymentMethods ?? billingSettings.maxPaymentMethods, errors: errorsByField(saved.userErrors) };
}
