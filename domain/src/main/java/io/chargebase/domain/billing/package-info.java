/**
 * Billing: where the money goes. {@link io.chargebase.domain.billing.Ledger} is a double-entry ledger: every money
 * movement (a rated session, a payment, a refund, a dispute, the platform's fee) is a {@link
 * io.chargebase.domain.billing.Posting} whose entries sum to zero per currency, posted once per idempotency key and
 * never changed (the database refuses updates and deletes); balances are sums of entries, never stored.
 * {@link io.chargebase.domain.billing.SessionBilling} posts each session once charging reports it rated.
 * {@link io.chargebase.domain.billing.PaymentEvents} acts on the payment provider's verified events, each once, and
 * {@link io.chargebase.domain.billing.ConnectedAccounts} holds the tenant's connected account and the one cross-tenant
 * lookup webhooks need. {@link io.chargebase.domain.billing.PaymentMethods} saves drivers' cards through the
 * {@link io.chargebase.domain.billing.PaymentProvider} port, which the api module's Stripe adapter implements.
 * {@link io.chargebase.domain.billing.BillingStrategies} holds the tenant's billing strategy; {@code PaymentGate} is its
 * rule for starting a session (charging asks it as a {@link io.chargebase.domain.charging.StartGate});
 * {@link io.chargebase.domain.billing.CardPayments} charges, holds, captures and releases cards through an outbox
 * recorded in the session's posting transaction, and {@code PreAuthorisationStops} stops a session nearing its hold.
 * {@link io.chargebase.domain.billing.Wallets} keeps drivers' prepaid balances as a ledger account per driver and
 * serialises debits per driver so a wallet is never overdrawn; {@link io.chargebase.domain.billing.Vouchers} creates
 * and redeems vouchers and records operators' top-ups as redeemed vouchers; {@link
 * io.chargebase.domain.billing.TopUpPackages} and {@link io.chargebase.domain.billing.AutoTopUps} hold the packages
 * drivers buy and their auto top-up settings. Under the balance strategy {@code SessionBilling} pays sessions from
 * the wallet first, {@code WalletStops} watches the available balance while drivers charge (auto top-up, auto-stop
 * through charging's {@link io.chargebase.domain.charging.SessionStops}), and bought top-ups are card payments whose
 * success credits the wallet ({@link io.chargebase.domain.billing.CardPayments#buyTopUp}). {@code SessionCorrections}
 * posts the difference when charging reports a session rated again. The watchers read the strategy through
 * {@code RecentStrategies}, at most every few seconds, so readings of tenants that need no watching cost nothing.
 */
package io.chargebase.domain.billing;
