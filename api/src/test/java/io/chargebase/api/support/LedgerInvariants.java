package io.chargebase.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.domain.billing.Ledger;
import io.chargebase.domain.billing.LedgerAccount;
import io.chargebase.domain.money.Money;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;

/**
 * What must hold of a tenant's ledger after any payments scenario, checked from the rows themselves rather than
 * through the code under test: every transaction has two entries or more and sums to zero in each currency; every
 * amount is non-zero and no finer than its currency's minor unit; each idempotency key names one transaction; and
 * each account's balance as {@link Ledger} reports it equals the sum of that account's entries.
 */
public final class LedgerInvariants {

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final TransactionTemplate transactions;

    public LedgerInvariants(JdbcClient jdbc, Ledger ledger, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Asserts every invariant for the tenant; answers how many transactions its ledger holds. */
    public int check(TenantId tenant) {
        return TenantContext.callAs(TenantScope.of(tenant), () -> transactions.execute(status -> {
            List<String> unbalanced = jdbc.sql("""
                            select transaction_id || ' ' || currency || ' ' || sum(amount) from ledger_entry
                            group by transaction_id, currency having sum(amount) <> 0""").query(String.class).list();
            assertThat(unbalanced).as("transactions that do not sum to zero in a currency").isEmpty();
            List<String> thin = jdbc.sql("""
                            select t.id::text from ledger_transaction t left join ledger_entry e on e.tenant_id = t.tenant_id and e.transaction_id = t.id
                            group by t.id having count(e.id) < 2""").query(String.class).list();
            assertThat(thin).as("transactions with fewer than two entries").isEmpty();
            List<String> keys = jdbc.sql("select idempotency_key from ledger_transaction group by idempotency_key having count(*) > 1")
                    .query(String.class).list();
            assertThat(keys).as("idempotency keys posted more than once").isEmpty();

            record Leg(LedgerAccount account, UUID profileId, Currency currency, BigDecimal amount) {
            }
            List<Leg> legs = jdbc.sql("select account, profile_id, currency, amount from ledger_entry")
                    .query((rs, n) -> new Leg(LedgerAccount.valueOf(rs.getString(1)), rs.getObject(2, UUID.class),
                            Currency.getInstance(rs.getString(3)), rs.getBigDecimal(4)))
                    .list();
            record Key(LedgerAccount account, UUID profileId, Currency currency) {
            }
            Map<Key, BigDecimal> sums = new HashMap<>();
            for (Leg leg : legs) {
                assertThat(leg.amount().signum()).as("entry amount").isNotZero();
                assertThat(leg.amount().stripTrailingZeros().scale()).as(leg + " at its currency's precision")
                        .isLessThanOrEqualTo(Math.max(leg.currency().getDefaultFractionDigits(), 0));
                assertThat(leg.account().perDriver()).as(leg + " names a driver exactly when kept per driver").isEqualTo(leg.profileId() != null);
                sums.merge(new Key(leg.account(), leg.profileId(), leg.currency()), leg.amount(), BigDecimal::add);
            }
            sums.forEach((key, sum) -> assertThat(ledger.balance(key.account(), key.profileId(), key.currency()))
                    .as("balance of " + key).isEqualTo(new Money(sum, key.currency())));
            return jdbc.sql("select count(*) from ledger_transaction").query(Integer.class).single();
        }));
    }

    /** How many transactions of the kind the session has in the ledger. */
    public int transactionsOf(TenantId tenant, UUID sessionId, String kind) {
        return TenantContext.callAs(TenantScope.of(tenant), () -> transactions.execute(status ->
                jdbc.sql("select count(*) from ledger_transaction where session_id = ? and kind = ?").params(sessionId, kind)
                        .query(Integer.class).single()));
    }
}
