package io.chargebase.domain.billing.internal;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.billing.Refunds;
import io.chargebase.domain.money.Money;
import io.chargebase.tenancy.TenantContext;

/** Refund requests: recorded before they are sent, then marked with the provider's answer. */
@Repository
public class RefundRows {

    private static final String COLUMNS = "id, payment_transaction_id, seq, currency, amount, reason, status, refund_id, charge_id";

    private final JdbcClient jdbc;

    RefundRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises, until the end of the transaction, refund requests of the payment. */
    public void lock(UUID paymentTransactionId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param(TenantContext.requireTenant().value() + ":refund-request:" + paymentTransactionId).query((rs, n) -> 1).list();
    }

    public void insert(Refunds.Refund refund) {
        jdbc.sql("""
                        insert into refund_request (tenant_id, id, payment_transaction_id, seq, currency, amount, reason, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(TenantContext.requireTenant().value(), refund.id(), refund.paymentTransactionId(), refund.seq(),
                        refund.amount().currency().getCurrencyCode(), refund.amount().amount(), refund.reason(), refund.status())
                .update();
    }

    public int nextSeq(UUID paymentTransactionId) {
        return jdbc.sql("select coalesce(max(seq), 0) + 1 from refund_request where payment_transaction_id = ?")
                .param(paymentTransactionId).query(Integer.class).single();
    }

    public Optional<Refunds.Refund> pending(UUID paymentTransactionId) {
        return jdbc.sql("select " + COLUMNS + " from refund_request where payment_transaction_id = ? and status = 'PENDING' order by seq limit 1")
                .param(paymentTransactionId).query(RefundRows::refund).optional();
    }

    public Optional<Refunds.Refund> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from refund_request where id = ?").param(id).query(RefundRows::refund).optional();
    }

    /** What the payment's refunds that did not fail add up to: those accepted and those still waiting for an answer. */
    public BigDecimal refundedOrPending(UUID paymentTransactionId) {
        return jdbc.sql("select coalesce(sum(amount), 0) from refund_request where payment_transaction_id = ? and status <> 'FAILED'")
                .param(paymentTransactionId).query(BigDecimal.class).single();
    }

    /** What the provider accepted of our refunds on the charge. */
    public BigDecimal acceptedForCharge(String chargeId) {
        return jdbc.sql("select coalesce(sum(amount), 0) from refund_request where charge_id = ? and status = 'SUCCEEDED'")
                .param(chargeId).query(BigDecimal.class).single();
    }

    public void answered(UUID id, String status, String refundId, String chargeId) {
        jdbc.sql("update refund_request set status = ?, refund_id = ?, charge_id = ?, updated_at = now() where id = ?")
                .params(status, refundId, chargeId, id).update();
    }

    private static Refunds.Refund refund(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Refunds.Refund(rs.getObject("id", UUID.class), rs.getObject("payment_transaction_id", UUID.class), rs.getInt("seq"),
                new Money(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency"))), rs.getString("reason"),
                rs.getString("status"), rs.getString("refund_id"), rs.getString("charge_id"));
    }
}
