package io.chargebase.domain.billing.internal;

import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.billing.LedgerTransactionKind;
import io.chargebase.domain.billing.PaymentTransactions;
import io.chargebase.domain.money.Money;

/** The ledger's payment transactions, each with its debit total per currency, keyset-paged by (posted_at, id) descending. */
@Repository
public class PaymentTransactionRows {

    private final JdbcClient jdbc;

    PaymentTransactionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PaymentTransactions.PaymentTransaction> list(PaymentTransactions.Filter filter, String after, int limit) {
        StringBuilder where = new StringBuilder("t.kind in (");
        List<Object> params = new ArrayList<>();
        var kinds = filter.kinds() == null || filter.kinds().isEmpty() ? PaymentTransactions.KINDS : filter.kinds();
        where.append(String.join(", ", kinds.stream().map(kind -> "?").toList())).append(")");
        kinds.stream().map(LedgerTransactionKind::name).sorted().forEach(params::add);
        if (filter.profileId() != null) {
            where.append(" and t.profile_id = ?");
            params.add(filter.profileId());
        }
        if (filter.sessionId() != null) {
            where.append(" and t.session_id = ?");
            params.add(filter.sessionId());
        }
        if (filter.from() != null) {
            where.append(" and t.occurred_at >= ?");
            params.add(filter.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            where.append(" and t.occurred_at < ?");
            params.add(filter.to().atOffset(ZoneOffset.UTC));
        }
        if (after != null) {
            String[] position = after.split("\\|", 2);
            try {
                long micros = Long.parseLong(position[0]);
                UUID id = UUID.fromString(position[1]);
                where.append(" and (t.posted_at, t.id) < (to_timestamp(?::double precision / 1000000), ?)");
                params.add(micros);
                params.add(id);
            } catch (RuntimeException malformed) {
                throw new DomainException(ErrorCode.INVALID, "after", "Not a position this list returned.");
            }
        }
        params.add(limit);
        return jdbc.sql("""
                        select t.id, t.kind, t.profile_id, t.session_id, t.reference, t.description, t.occurred_at,
                               date_trunc('milliseconds', t.posted_at) as posted_at, e.currency, e.amount
                        from ledger_transaction t
                        join lateral (select min(e.currency) as currency, sum(e.amount) as amount from ledger_entry e
                                      where e.tenant_id = t.tenant_id and e.transaction_id = t.id and e.amount > 0) e on true
                        where %s
                        order by date_trunc('milliseconds', t.posted_at) desc, t.id desc
                        limit ?""".formatted(where.toString().replace("(t.posted_at, t.id)", "(date_trunc('milliseconds', t.posted_at), t.id)")))
                .params(params)
                .query((rs, n) -> new PaymentTransactions.PaymentTransaction(rs.getObject("id", UUID.class),
                        LedgerTransactionKind.valueOf(rs.getString("kind")),
                        new Money(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency"))).rounded(),
                        rs.getObject("profile_id", UUID.class), rs.getObject("session_id", UUID.class), rs.getString("reference"),
                        rs.getString("description"), rs.getTimestamp("occurred_at").toInstant(), timestamp(rs.getTimestamp("posted_at"))))
                .list();
    }

    private static java.time.Instant timestamp(Timestamp value) {
        return value.toInstant();
    }
}
