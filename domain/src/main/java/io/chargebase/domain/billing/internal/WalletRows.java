package io.chargebase.domain.billing.internal;

import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.billing.LedgerAccount;
import io.chargebase.domain.billing.LedgerTransactionKind;
import io.chargebase.domain.billing.Wallets;
import io.chargebase.domain.money.Money;

/** A wallet's movements read from the ledger, with the running balance computed over all of them before paging. */
@Repository
public class WalletRows {

    private final JdbcClient jdbc;

    WalletRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Wallets.WalletEntry> history(UUID profileId, Currency currency, int limit) {
        return jdbc.sql("""
                        select * from (
                            select t.id, t.kind, t.session_id, t.description, t.occurred_at, t.posted_at, -sum(e.amount) as amount,
                                   -sum(sum(e.amount)) over (order by t.posted_at, t.id) as balance_after
                            from ledger_entry e
                            join ledger_transaction t on t.tenant_id = e.tenant_id and t.id = e.transaction_id
                            where e.account = ? and e.profile_id = ? and e.currency = ?
                            group by t.id, t.kind, t.session_id, t.description, t.occurred_at, t.posted_at) w
                        order by posted_at desc, id desc
                        limit ?""")
                .params(LedgerAccount.DRIVER_WALLET.name(), profileId, currency.getCurrencyCode(), limit)
                .query((rs, n) -> new Wallets.WalletEntry(rs.getObject("id", UUID.class), LedgerTransactionKind.valueOf(rs.getString("kind")),
                        new Money(rs.getBigDecimal("amount"), currency).rounded(), new Money(rs.getBigDecimal("balance_after"), currency).rounded(),
                        rs.getObject("session_id", UUID.class), rs.getString("description"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getTimestamp("posted_at").toInstant()))
                .list();
    }
}
