package io.chargebase.api.graphql.billing;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.Connection;
import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.PlainField;
import io.chargebase.api.graphql.Types;
import io.chargebase.domain.billing.LedgerTransactionKind;
import io.chargebase.domain.billing.PaymentTransactions;
import io.chargebase.domain.billing.PaymentTransactions.PaymentTransaction;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * The tenant's payment transactions for its admins and analysts, and for OU admins those of their subtree's profiles
 * (row-level security on the ledger narrows them; nothing here widens it); for drivers their own payments, refunds and
 * disputes ({@code myPayments}).
 */
@Controller
class PaymentTransactionsController {

    record PaymentTransactionFilter(String profileId, String sessionId, List<LedgerTransactionKind> kinds, Instant from, Instant to) {
    }

    /** What a driver is shown of the ledger's payment transactions: the platform's fee is between the platform and the tenant. */
    private static final Set<LedgerTransactionKind> DRIVERS_KINDS = EnumSet.of(LedgerTransactionKind.PAYMENT, LedgerTransactionKind.REFUND,
            LedgerTransactionKind.DISPUTE);

    private final PaymentTransactions transactions;

    PaymentTransactionsController(PaymentTransactions transactions) {
        this.transactions = transactions;
    }

    @QueryMapping
    Connection<PaymentTransaction> paymentTransactions(@Argument Integer first, @Argument String after, @Argument PaymentTransactionFilter filter) {
        PaymentTransactionFilter criteria = filter == null ? new PaymentTransactionFilter(null, null, null, null, null) : filter;
        Set<LedgerTransactionKind> kinds = criteria.kinds() == null || criteria.kinds().isEmpty() ? null : EnumSet.copyOf(criteria.kinds());
        PaymentTransactions.Filter query = new PaymentTransactions.Filter(GlobalId.optional(Types.PROFILE, criteria.profileId(), "profileId"),
                GlobalId.optional(Types.CHARGING_SESSION, criteria.sessionId(), "sessionId"), kinds, criteria.from(), criteria.to());
        return Connection.keyed(first, after, (position, limit) -> transactions.list(query, position, limit), PaymentTransactions::positionOf);
    }

    /**
     * The driver's own: the filter names their profile, and row-level security (the ledger's narrowed scope) would
     * keep them to it even if it did not. A signed-in user without a profile has no payments.
     */
    @QueryMapping
    Connection<PaymentTransaction> myPayments(@Argument Integer first, @Argument String after, @Argument List<LedgerTransactionKind> kinds,
            @Argument Instant from, @Argument Instant to) {
        Set<LedgerTransactionKind> asked = kinds == null || kinds.isEmpty() ? EnumSet.copyOf(DRIVERS_KINDS) : EnumSet.copyOf(kinds);
        asked.retainAll(DRIVERS_KINDS);
        if (!(TenantContext.narrowing() instanceof TenantScope.Narrowing.OwnProfile(java.util.UUID profileId)) || asked.isEmpty()) {
            return Connection.keyed(first, after, (position, limit) -> List.<PaymentTransaction>of(), PaymentTransactions::positionOf);
        }
        PaymentTransactions.Filter query = new PaymentTransactions.Filter(profileId, null, asked, from, to);
        return Connection.keyed(first, after, (position, limit) -> transactions.list(query, position, limit), PaymentTransactions::positionOf);
    }

    @SchemaMapping(typeName = "PaymentTransaction", field = "transactionId")
    @PlainField
    String id(PaymentTransaction transaction) {
        return transaction.id().toString();
    }

    @SchemaMapping(typeName = "PaymentTransaction", field = "amount")
    @PlainField
    java.math.BigDecimal amount(PaymentTransaction transaction) {
        return transaction.amount().amount();
    }

    @SchemaMapping(typeName = "PaymentTransaction", field = "currency")
    @PlainField
    String currency(PaymentTransaction transaction) {
        return transaction.amount().currency().getCurrencyCode();
    }

    @SchemaMapping(typeName = "PaymentTransaction", field = "profileId")
    @PlainField
    String profileId(PaymentTransaction transaction) {
        return transaction.profileId() == null ? null : GlobalId.encode(Types.PROFILE, transaction.profileId());
    }

    @SchemaMapping(typeName = "PaymentTransaction", field = "sessionId")
    @PlainField
    String sessionId(PaymentTransaction transaction) {
        return transaction.sessionId() == null ? null : GlobalId.encode(Types.CHARGING_SESSION, transaction.sessionId());
    }
}
