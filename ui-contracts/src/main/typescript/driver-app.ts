// The white-label driver app's use of its documents (ui-contracts/driver-app): every operation it sends, with the
// variables it builds and the fields it reads. Unknown enum values from a newer server fall to a default branch, as
// a shipped app must handle them; a value or field taken away, or made optional, fails here.
import {
  AddPaymentMethodDocument,
  BrandingDocument,
  DriverMeDocument,
  EvsePriceDocument,
  MyCdrsDocument,
  MyPaymentMethodsDocument,
  MyProfileDocument,
  MySessionsDocument,
  RemovePaymentMethodDocument,
  RequestPasswordResetDocument,
  ResetPasswordDocument,
  SessionProgressDocument,
  SetDefaultPaymentMethodDocument,
  SignUpDriverDocument,
  StartMySessionDocument,
  StopMySessionDocument,
  UpdateMyProfileDocument,
  VerifyEmailDocument,
  type ChargingSessionStatus,
  type CommandOutcome,
  type PriceDimension,
  type SessionProgressSubscription,
} from '@chargebase/ui-contracts/driver-app';
import { errorsByField, instant, money, type Execute, type Subscribe } from './operations';

export interface Theme {
  readonly title: string;
  readonly primary: string;
  readonly accent: string;
  readonly support: string | null;
  readonly legal: ReadonlyArray<{ readonly label: string; readonly url: string }>;
}

export async function theme(execute: Execute, host: string): Promise<Theme | null> {
  const { branding } = await execute(BrandingDocument, { host });
  if (branding === null) {
    return null;
  }
  const legal = [
    ...(branding.termsUrl ? [{ label: 'Terms', url: branding.termsUrl }] : []),
    ...(branding.privacyUrl ? [{ label: 'Privacy', url: branding.privacyUrl }] : []),
  ];
  return {
    title: branding.displayName.trim() || branding.slug,
    primary: branding.primaryColor ?? '#1f6feb',
    accent: branding.accentColor ?? branding.primaryColor ?? '#1f6feb',
    support: branding.supportEmail ?? branding.supportPhone,
    legal,
  };
}

export async function greeting(execute: Execute): Promise<string> {
  const { me } = await execute(DriverMeDocument, {});
  const name = me.profile?.name ?? me.user?.name ?? 'driver';
  const unverified = me.user !== null && !me.user.emailVerified;
  const profileInactive = me.profile?.status === 'INACTIVE';
  const tenant = me.tenant ? ` at ${me.tenant.name} (${me.tenant.currency}, ${me.tenant.timeZone})` : '';
  return `Hello ${name}${tenant}${unverified ? ' — please verify your e-mail' : ''}${profileInactive ? ' — account inactive' : ''}`
    + (me.roles.includes('DRIVER') ? '' : ' (not a driver account)');
}

function dimensionLabel(dimension: PriceDimension): string {
  switch (dimension) {
    case 'ENERGY': return 'per kWh';
    case 'TIME': return 'per hour charging';
    case 'PARKING_TIME': return 'per hour parked';
    case 'FLAT': return 'per session';
    default: return 'other';
  }
}

export async function priceCard(execute: Execute, evseId: string, energyKwh: string, durationMinutes: number): Promise<string[]> {
  const { evsePrice } = await execute(EvsePriceDocument, { evseId, energyKwh, durationMinutes, startAt: new Date().toISOString() });
  const lines = [`${evsePrice.evse.evseId ?? evsePrice.evse.id} (${evsePrice.evse.status}): ${evsePrice.text}`];
  for (const element of evsePrice.elements) {
    for (const component of element.components) {
      const vat = component.vatPercent === null ? '' : ` incl. ${component.vatPercent} % VAT`;
      const step = component.stepSize > 1 ? `, billed in steps of ${component.stepSize}` : '';
      lines.push(`${money(component.price, evsePrice.currency)} ${dimensionLabel(component.dimension)}${vat}${step}`
        + (element.restrictions ? ` (${element.restrictions})` : ''));
    }
  }
  if (evsePrice.minPrice) lines.push(`at least ${money(evsePrice.minPrice.inclVat ?? evsePrice.minPrice.exclVat, evsePrice.currency)}`);
  if (evsePrice.maxPrice) lines.push(`at most ${money(evsePrice.maxPrice.inclVat ?? evsePrice.maxPrice.exclVat, evsePrice.currency)}`);
  const limits = evsePrice.stopLimits;
  if (limits.maxMinutes !== null) lines.push(`stops after ${limits.maxMinutes} min`);
  if (limits.maxKwh !== null) lines.push(`stops after ${limits.maxKwh} kWh`);
  const estimate = evsePrice.estimate;
  if (estimate) {
    for (const line of estimate.lines) {
      lines.push(`${dimensionLabel(line.dimension)}: ${line.billedQuantity} (of ${line.quantity}) = ${money(line.cost.exclVat, evsePrice.currency)}`);
    }
    lines.push(`about ${money(estimate.total.inclVat ?? estimate.total.exclVat, evsePrice.currency)} for ${estimate.energyKwh} kWh in ${estimate.durationMinutes} min`);
  }
  for (const text of [evsePrice.description, evsePrice.information, evsePrice.learnMoreUrl]) {
    if (text) lines.push(text);
  }
  return lines;
}

export function statusLabel(status: ChargingSessionStatus): string {
  switch (status) {
    case 'PENDING': return 'Waiting for the car';
    case 'ACTIVE': return 'Charging';
    case 'FINISHED': return 'Finished';
    case 'FAILED': return 'Did not start';
    default: return 'Unknown';
  }
}

export interface SessionRow {
  readonly id: string;
  readonly title: string;
  readonly kwh: number;
  readonly minutes: number | null;
  readonly cost: string | null;
  readonly live: string | null;
}

export async function sessionHistory(execute: Execute, after: string | null): Promise<{ rows: SessionRow[]; next: string | null }> {
  const { mySessions } = await execute(MySessionsDocument, { first: 20, after });
  const rows = mySessions.edges.map(({ node }) => {
    const started = node.startedAt === null ? null : instant(node.startedAt);
    const stopped = node.stoppedAt === null ? null : instant(node.stoppedAt);
    const minutes = started && stopped ? Math.round((stopped.getTime() - started.getTime()) / 60_000) : null;
    const live = node.status === 'ACTIVE'
      ? [node.latestPowerW && `${node.latestPowerW} W`, node.latestSocPercent && `${node.latestSocPercent} %`].filter(Boolean).join(', ')
      : null;
    return {
      id: node.id,
      title: `${statusLabel(node.status)} at ${node.evse?.evseId ?? 'a charger'}${node.transactionId === null ? '' : ` #${node.transactionId}`}`,
      kwh: node.energyWh / 1000,
      minutes,
      cost: node.mspCdr ? node.mspCdr.totalCost.inclVat ?? node.mspCdr.totalCost.exclVat : null,
      live,
    };
  });
  return { rows, next: mySessions.pageInfo.hasNextPage ? mySessions.pageInfo.endCursor : null };
}

export async function receipts(execute: Execute): Promise<string[]> {
  const { myCdrs } = await execute(MyCdrsDocument, { first: 50 });
  return myCdrs.edges.map(({ node }) => {
    const lines = node.lines.map((line) => `${dimensionLabel(line.dimension)} ${line.quantity}: ${money(line.cost.exclVat, node.currency)}`);
    const minutes = (instant(node.endAt).getTime() - instant(node.startAt).getTime()) / 60_000;
    return `${node.cdrNumber} ${node.location?.name ?? ''} ${node.totalEnergyKwh} kWh in ${Math.round(minutes)} min: `
      + `${money(node.totalCost.inclVat ?? node.totalCost.exclVat, node.currency)} [${lines.join('; ')}]`;
  }).concat(`${myCdrs.totalCount} receipts`);
}

export async function editProfile(execute: Execute, name: string, phone: string | null): Promise<Map<string, string[]>> {
  const { myProfile } = await execute(MyProfileDocument, {});
  if (myProfile === null) {
    return new Map([['', ['No profile']]]);
  }
  const unit = myProfile.organisationUnit?.name ?? 'no organisation';
  const { updateMyProfile } = await execute(UpdateMyProfileDocument, {
    input: { name: name === myProfile.name ? null : name, phone: phone ?? myProfile.phone },
  });
  const errors = errorsByField(updateMyProfile.userErrors);
  if (updateMyProfile.profile) {
    errors.set('saved', [`${updateMyProfile.profile.name} ${updateMyProfile.profile.phone ?? ''} (${unit}, ${myProfile.email}, ${myProfile.status}, ${myProfile.externalReference ?? '-'})`]);
  }
  return errors;
}

/** The wallet screen: each saved card, the default marked; a card's id is what remove and make-default send. */
export async function wallet(execute: Execute): Promise<Array<{ id: string; label: string }>> {
  const { myPaymentMethods } = await execute(MyPaymentMethodsDocument, {});
  return myPaymentMethods.map((card) => ({
    id: card.paymentMethodId,
    label: `${card.brand ?? 'card'} •••• ${card.last4 ?? '????'} ${card.expMonth ?? '--'}/${card.expYear ?? '--'}${card.isDefault ? ' (default)' : ''}`,
  }));
}

/** Adding a card: the SetupIntent's client secret for Stripe's SDK to confirm, or why not (e.g. the maximum reached). */
export async function startAddingCard(execute: Execute): Promise<{ clientSecret: string } | { errors: Map<string, string[]> }> {
  const { addPaymentMethod } = await execute(AddPaymentMethodDocument, {});
  return addPaymentMethod.clientSecret !== null && addPaymentMethod.clientSecret !== undefined
    ? { clientSecret: addPaymentMethod.clientSecret }
    : { errors: errorsByField(addPaymentMethod.userErrors) };
}

export async function changeCard(execute: Execute, paymentMethodId: string, action: 'remove' | 'makeDefault'): Promise<Map<string, string[]>> {
  const payload = action === 'remove'
    ? (await execute(RemovePaymentMethodDocument, { input: { paymentMethodId } })).removePaymentMethod
    : (await execute(SetDefaultPaymentMethodDocument, { input: { paymentMethodId } })).setDefaultPaymentMethod;
  const errors = errorsByField(payload.userErrors);
  if (payload.paymentMethods) {
    errors.set('cards', payload.paymentMethods.map((card) => `${card.paymentMethodId}${card.isDefault ? ' (default)' : ''}`));
  }
  return errors;
}

export async function signUp(execute: Execute, email: string, name: string, password: string, phone?: string): Promise<boolean> {
  const input = phone === undefined ? { email, name, password } : { email, name, password, phone };
  const { signUpDriver } = await execute(SignUpDriverDocument, { input });
  return signUpDriver.verificationPending && signUpDriver.userErrors.length === 0;
}

export async function verify(execute: Execute, token: string): Promise<boolean> {
  const { verifyEmail } = await execute(VerifyEmailDocument, { input: { token } });
  return verifyEmail.verified;
}

export async function forgotPassword(execute: Execute, email: string, token: string | null, newPassword: string): Promise<string> {
  if (token === null) {
    const { requestPasswordReset } = await execute(RequestPasswordResetDocument, { input: { email } });
    return requestPasswordReset.accepted ? 'Check your mail' : requestPasswordReset.userErrors.map((error) => error.message).join('; ');
  }
  const { resetPassword } = await execute(ResetPasswordDocument, { input: { token, newPassword } });
  return resetPassword.done ? 'Password changed' : [...errorsByField(resetPassword.userErrors).values()].flat().join('; ');
}

export function liveCard(subscribe: Subscribe, sessionId: string, show: (text: string) => void): () => void {
  return subscribe(SessionProgressDocument, { sessionId }, ({ sessionProgress }: SessionProgressSubscription) => {
    const cost = sessionProgress.runningCost && sessionProgress.currency
      ? money(sessionProgress.runningCost.inclVat ?? sessionProgress.runningCost.exclVat, sessionProgress.currency)
      : 'price pending';
    show(`${sessionProgress.sessionId} on connector ${sessionProgress.connectorId}: ${sessionProgress.status}, `
      + `${sessionProgress.energyKwh ?? '0'} kWh, ${sessionProgress.powerKw ?? '-'} kW, `
      + `${sessionProgress.stateOfChargePercent ?? '-'} %, ${cost} at ${instant(sessionProgress.at).toISOString()}`);
  });
}

/** What the app shows after a start or stop: the charger's answer, or why it could not be reached. */
function commandOutcome(outcome: CommandOutcome | null, message: string | null, errors: ReadonlyArray<{ readonly message: string }>): string {
  if (errors.length > 0 || outcome === null) {
    return errors.map((error) => error.message).join('; ');
  }
  switch (outcome) {
    case 'ANSWERED':
    case 'OFFLINE':
    case 'TIMED_OUT':
      return message ?? outcome;
    default:
      return message ?? 'The charger could not be reached';
  }
}

/** Start here (scanned QR code or typed EVSE ID): the session waiting for the car, or why there is none. */
export async function startHere(execute: Execute, evseId: string, tokenId: string | null): Promise<{ sessionId: string | null; text: string }> {
  const { startMySession } = await execute(StartMySessionDocument, { input: { evseId, tokenId } });
  return {
    sessionId: startMySession.session?.id ?? null,
    text: commandOutcome(startMySession.outcome, startMySession.message, startMySession.userErrors),
  };
}

export async function stopMine(execute: Execute, sessionId: string): Promise<string> {
  const { stopMySession } = await execute(StopMySessionDocument, { input: { sessionId } });
  return commandOutcome(stopMySession.outcome, stopMySession.message, stopMySession.userErrors);
}
