/**
 * Billing: where the money goes. {@link io.chargebase.domain.billing.Ledger} is a double-entry ledger: every money
 * movement (a rated session, a payment, a refund, a dispute, the platform's fee) is a {@link
 * io.chargebase.domain.billing.Posting} whose entries sum to zero per currency, posted once per idempotency key and
 * never changed (the database refuses updates and deletes); balances are sums of entries, never stored.
 * {@link io.chargebase.domain.billing.SessionBilling} posts each session once charging reports it rated.
 */
package io.chargebase.domain.billing;
