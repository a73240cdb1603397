package io.chargebase.domain.billing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.billing.LedgerAccount;
import io.chargebase.domain.billing.LedgerTransaction;
import io.chargebase.domain.billing.LedgerTransactionKind;
import io.chargebase.domain.billing.Posting;
import io.chargebase.domain.money.Money;
import io.chargebase.tenancy.TenantContext;

/** Ledger transactions and entries: inserted, read, never updated (the database refuses it). */
@Repository
public class LedgerRows {

    private final JdbcClient jdbc;

    LedgerRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the transaction unless one with its idempotency key exists; answers the new id, or empty when it existed.
     * A concurrent posting of the same key waits on the unique index and then finds it taken.
     */
    public Optional<UUID> insertTransaction(UUID id, Posting posting) {
        return jdbc.sql("""
                        insert into ledger_transaction (tenant_id, id, idempotency_key, kind, profile_id, session_id, reference, description, occurred_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, idempotency_key) do nothing
                        returning id""")
                .params(tenant(), id, posting.idempotencyKey(), posting.kind().name(), posting.profileId(), posting.sessionId(),
                        posting.reference(), posting.description().strip(), posting.occurredAt().atOffset(ZoneOffset.UTC))
                .query(UUID.class).optional();
    }

    public void insertEntries(UUID transactionId, List<Posting.Entry> entries) {
        for (int line = 0; line < entries.size(); line++) {
            Posting.Entry entry = entries.get(line);
            jdbc.sql("""
                            insert into ledger_entry (tenant_id, id, transaction_id, line, account, profile_id, currency, amount)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(tenant(), UUID.randomUUID(), transactionId, line + 1, entry.account().name(), entry.profileId(),
                            entry.amount().currency().getCurrencyCode(), entry.amount().amount())
                    .update();
        }
    }

    public Optional<UUID> idOfKey(String idempotencyKey) {
        return jdbc.sql("select id from ledger_transaction where idempotency_key = ?").param(idempotencyKey).query(UUID.class).optional();
    }

    /** The sum of the account's entries in the currency; zero when it has none. */
    public BigDecimal balance(LedgerAccount account, UUID profileId, Currency currency) {
        return jdbc.sql("""
                        select coalesce(sum(amount), 0) from ledger_entry
                        where account = ? and profile_id is not distinct from ? and currency = ?""")
                .params(account.name(), profileId, currency.getCurrencyCode())
                .query(BigDecimal.class).single();
    }

    /** The sum of the account's entries in transactions of the kind about the provider object {@code reference}. */
    public BigDecimal totalFor(LedgerTransactionKind kind, String reference, LedgerAccount account, Currency currency) {
        return jdbc.sql("""
                        select coalesce(sum(e.amount), 0) from ledger_transaction t
                        join ledger_entry e on e.tenant_id = t.tenant_id and e.transaction_id = t.id
                        where t.kind = ? and t.reference = ? and e.account = ? and e.currency = ?""")
                .params(kind.name(), reference, account.name(), currency.getCurrencyCode())
                .query(BigDecimal.class).single();
    }

    /** Serialises, until the end of the transaction, postings that depend on what was posted before under {@code key}. */
    public void lock(String key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(TenantContext.requireTenant().value() + ":" + key)
                .query((rs, n) -> 1).list();
    }

    public Optional<LedgerTransaction> find(UUID id) {
        return transactions("t.id = ?", id).stream().findFirst();
    }

    public List<LedgerTransaction> ofSession(UUID sessionId) {
        return transactions("t.session_id = ?", sessionId);
    }

    private List<LedgerTransaction> transactions(String where, Object value) {
        record Row(UUID id, String key, String kind, UUID profileId, UUID sessionId, String reference, String description,
                Instant occurredAt, Instant postedAt) {
        }
        List<Row> rows = jdbc.sql("""
                        select t.id, t.idempotency_key, t.kind, t.profile_id, t.session_id, t.reference, t.description, t.occurred_at, t.posted_at
                        from ledger_transaction t where %s order by t.posted_at, t.id""".formatted(where))
                .param(value)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("idempotency_key"), rs.getString("kind"),
                        rs.getObject("profile_id", UUID.class), rs.getObject("session_id", UUID.class), rs.getString("reference"),
                        rs.getString("description"), rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("posted_at").toInstant()))
                .list();
        return rows.stream().map(row -> new LedgerTransaction(row.id(), row.key(), LedgerTransactionKind.valueOf(row.kind()), row.profileId(),
                row.sessionId(), row.reference(), row.description(), row.occurredAt(), row.postedAt(), entries(row.id()))).toList();
    }

    private List<Posting.Entry> entries(UUID transactionId) {
        return jdbc.sql("select account, profile_id, currency, amount from ledger_entry where transaction_id = ? order by line")
                .param(transactionId)
                .query((rs, n) -> new Posting.Entry(LedgerAccount.valueOf(rs.getString("account")), rs.getObject("profile_id", UUID.class),
                        new Money(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency")))))
                .list();
    }

    private static UUID tenant() {
        return TenantContext.requireTenant().value();
    }
}
