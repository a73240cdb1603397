package io.chargebase.domain.billing;

/**
 * The accounts of a tenant's ledger, one per currency; a driver's receivable and wallet are one per profile too. Debits are
 * positive: a receivable or clearing balance is what is owed to or held for the tenant, a revenue or VAT payable
 * balance (negative, a credit) what was earned or is owed to the tax office.
 */
public enum LedgerAccount {
    /** What a driver owes for sessions, less what they paid. */
    DRIVER_RECEIVABLE,
    /** Charging sold, without VAT. */
    REVENUE,
    /** VAT charged to drivers, owed to the tax authority. */
    VAT_PAYABLE,
    /** Money Stripe holds for the tenant's connected account, not yet paid out. */
    STRIPE_CLEARING,
    /** The platform's application fees on the tenant's payments. */
    PLATFORM_FEES,
    /** Money given back to drivers. */
    REFUNDS,
    /** Money withdrawn by card disputes. */
    DISPUTES,
    /** A driver's prepaid balance, owed to the driver: a credit balance is what the driver may still spend. */
    DRIVER_WALLET,
    /** What redeemed vouchers gave to wallets. */
    VOUCHERS,
    /** What operators credited to wallets ("Add to User's Balance"). */
    OPERATOR_TOP_UPS,
    /** The bonuses of top-up packages, given on top of what the driver paid. */
    TOP_UP_BONUSES;

    /** Whether the account is kept per driver (it then needs a profile). */
    public boolean perDriver() {
        return this == DRIVER_RECEIVABLE || this == DRIVER_WALLET;
    }
}
