package io.chargebase.domain.billing.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.billing.BillingStrategy;
import io.chargebase.domain.billing.ApplicationFee;
import io.chargebase.domain.billing.CardPayment;
import io.chargebase.domain.billing.CardPaymentStatus;
import io.chargebase.domain.billing.StrategySettings;
import io.chargebase.domain.money.Money;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;

/** Card payments and their outbox state, and the tenant's billing strategy. */
@Repository
public class CardPaymentRows {

    private static final String COLUMNS = """
            id, profile_id, session_id, purpose, currency, amount, idempotency_key, status, payment_intent_id, client_secret, failure,
            send_state, attempts, operation, capture_amount""";

    private final JdbcClient jdbc;

    CardPaymentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StrategySettings> strategy() {
        return jdbc.sql("select strategy, pre_authorise_amount, stop_below, balance_only, minimum_balance, auto_stop_below from billing_strategy")
                .query((rs, n) -> new StrategySettings(BillingStrategy.valueOf(rs.getString(1)), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getBoolean(4), rs.getBigDecimal(5), rs.getBigDecimal(6)))
                .optional();
    }

    public void saveStrategy(StrategySettings settings) {
        jdbc.sql("""
                        insert into billing_strategy (tenant_id, strategy, pre_authorise_amount, stop_below, balance_only, minimum_balance,
                                                      auto_stop_below)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id) do update set strategy = excluded.strategy, pre_authorise_amount = excluded.pre_authorise_amount,
                        stop_below = excluded.stop_below, balance_only = excluded.balance_only, minimum_balance = excluded.minimum_balance,
                        auto_stop_below = excluded.auto_stop_below, updated_at = now()""")
                .params(tenant(), settings.strategy().name(), settings.preAuthoriseAmount(), settings.stopBelow(), settings.balanceOnly(),
                        settings.minimumBalance(), settings.autoStopBelow()).update();
    }

    /**
     * Records a bought top-up of the package version {@code packageId} (its bonus as it is now), due at {@code next};
     * {@code auto} when the wallet's auto top-up sends it. False when the key was taken, or an auto top-up of the
     * driver is on its way already.
     */
    public boolean insertTopUp(CardPayment payment, UUID packageId, BigDecimal bonus, boolean auto, Instant next) {
        return jdbc.sql("""
                        insert into card_payment (tenant_id, id, profile_id, purpose, currency, amount, idempotency_key, status, send_state,
                                                  next_attempt_at, top_up_package_id, bonus, auto)
                        values (?, ?, ?, 'TOP_UP', ?, ?, ?, 'PENDING', 'DUE', ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(tenant(), payment.id(), payment.profileId(), payment.amount().currency().getCurrencyCode(), payment.amount().amount(),
                        payment.idempotencyKey(), time(next), packageId, bonus, auto)
                .update() == 1;
    }

    /** A top-up's bonus, and whether the auto top-up sent it; empty for other payments. */
    public Optional<TopUpTerms> topUpTerms(UUID paymentId) {
        return jdbc.sql("select top_up_package_id, bonus, auto from card_payment where id = ? and purpose = 'TOP_UP'").param(paymentId)
                .query((rs, n) -> new TopUpTerms(rs.getObject(1, UUID.class), rs.getBigDecimal(2), rs.getBoolean(3))).optional();
    }

    /** What a bought top-up adds on top of its price, and who sent it. */
    public record TopUpTerms(UUID packageId, BigDecimal bonus, boolean auto) {
    }

    /** Whether an auto top-up of the driver is on its way (recorded, or being confirmed). */
    public boolean autoTopUpOnItsWay(UUID profileId) {
        return jdbc.sql("select exists (select 1 from card_payment where profile_id = ? and auto and status in ('PENDING', 'PROCESSING'))")
                .param(profileId).query(Boolean.class).single();
    }

    /** Records the payment, due at once; false when its key (its session's, say) was recorded before. */
    public boolean insert(CardPayment payment, Instant now) {
        return jdbc.sql("""
                        insert into card_payment (tenant_id, id, profile_id, session_id, purpose, currency, amount, idempotency_key, status,
                                                  send_state, next_attempt_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 'DUE', ?)
                        on conflict do nothing""")
                .params(tenant(), payment.id(), payment.profileId(), payment.sessionId(), payment.purpose(),
                        payment.amount().currency().getCurrencyCode(), payment.amount().amount(), payment.idempotencyKey(), time(now))
                .update() == 1;
    }

    public Optional<CardPayment> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from card_payment where id = ?").param(id).query(CardPaymentRows::payment).optional();
    }

    public Optional<CardPayment> byKey(String idempotencyKey) {
        return jdbc.sql("select " + COLUMNS + " from card_payment where idempotency_key = ?").param(idempotencyKey)
                .query(CardPaymentRows::payment).optional();
    }

    /**
     * Takes up to {@code limit} payments due at {@code now} for sending, skipping those another worker holds, and
     * leases them until {@code leaseUntil}: a worker that dies while sending leaves them due again then.
     */
    public List<CardPayment> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                        update card_payment set next_attempt_at = ?, attempts = attempts + 1, updated_at = now()
                        where (tenant_id, id) in (select tenant_id, id from card_payment where send_state = 'DUE' and next_attempt_at <= ?
                                                  order by next_attempt_at, created_at limit ? for update skip locked)
                        returning\s""" + COLUMNS)
                .params(time(leaseUntil), time(now), limit).query(CardPaymentRows::payment).list();
    }

    /** Sending failed in a way worth retrying: due again at {@code nextAttempt}. */
    public void retryAt(UUID id, Instant nextAttempt, String error) {
        jdbc.sql("update card_payment set next_attempt_at = ?, last_error = ?, updated_at = now() where id = ? and send_state = 'DUE'")
                .params(time(nextAttempt), cut(error, 1000), id).update();
    }

    /** The provider refused the request for good, creating nothing: the payment failed and is not sent again. */
    public void refused(UUID id, String error) {
        jdbc.sql("""
                        update card_payment set send_state = 'REFUSED', last_error = ?, failure = ?,
                        status = case when status = 'PENDING' then 'FAILED' else status end, updated_at = now()
                        where id = ? and send_state = 'DUE'""")
                .params(cut(error, 1000), cut(error, 500), id).update();
    }

    /**
     * The provider's answer: the PaymentIntent is the payment's from now on; its status is taken only while nothing
     * newer (a webhook that came first) was. Answers the payment as it now stands.
     */
    public CardPayment answered(UUID id, String paymentIntentId, CardPaymentStatus status, String clientSecret, String failure) {
        jdbc.sql("""
                        update card_payment set send_state = 'SENT', payment_intent_id = coalesce(payment_intent_id, ?),
                        client_secret = coalesce(?, client_secret),
                        failure = case when status in ('PENDING', 'AUTHORISED') then ? else failure end,
                        status = case when status in ('PENDING', 'AUTHORISED') then ? else status end, updated_at = now()
                        where id = ?""")
                .params(paymentIntentId, cut(clientSecret, 500), cut(failure, 500), status.name(), id).update();
        return find(id).orElseThrow();
    }

    /**
     * What a webhook reported, for the payment it names (by our id in its metadata, else by its PaymentIntent): taken
     * unless the payment's status is final or was set from a newer event. Answers the payment when it changed.
     */
    public Optional<CardPayment> reported(UUID paymentId, String paymentIntentId, CardPaymentStatus status, String failure, Instant at) {
        Optional<UUID> id = paymentId != null ? find(paymentId).map(CardPayment::id)
                : jdbc.sql("select id from card_payment where payment_intent_id = ?").param(paymentIntentId).query(UUID.class).optional();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        int changed = jdbc.sql("""
                        update card_payment set payment_intent_id = coalesce(payment_intent_id, ?), status = ?, status_at = ?,
                        failure = ?, updated_at = now()
                        where id = ? and status not in ('SUCCEEDED', 'CANCELED') and (status_at is null or status_at <= ?)""")
                .params(paymentIntentId, status.name(), time(at), cut(failure, 500), id.get(), time(at)).update();
        return changed == 1 ? find(id.get()) : Optional.empty();
    }

    /** The driver's payments that wait for them (declined, or to be authenticated), oldest first. */
    public List<CardPayment> waitingForTheDriver(UUID profileId) {
        return jdbc.sql("select " + COLUMNS + " from card_payment where profile_id = ? and purpose not in ('HOLD', 'TOP_UP') and status in ('REQUIRES_ACTION', 'FAILED') order by created_at")
                .param(profileId).query(CardPaymentRows::payment).list();
    }

    /** What the driver's payments still on their way (recorded or being confirmed) will bring in. */
    public BigDecimal onTheirWay(UUID profileId, Currency currency) {
        return jdbc.sql("select coalesce(sum(amount), 0) from card_payment where profile_id = ? and currency = ? and purpose not in ('HOLD', 'TOP_UP') and status in ('PENDING', 'PROCESSING')")
                .params(profileId, currency.getCurrencyCode()).query(BigDecimal.class).single();
    }

    /** The driver's latest hold not yet bound to a session, held (authorised) since {@code since}. */
    public Optional<CardPayment> unboundHold(UUID profileId, Instant since) {
        return jdbc.sql("select " + COLUMNS + """
                         from card_payment where profile_id = ? and purpose = 'HOLD' and session_id is null and status = 'AUTHORISED'
                        and operation = 'CREATE' and created_at >= ? order by created_at desc limit 1""")
                .params(profileId, time(since)).query(CardPaymentRows::payment).optional();
    }

    public Optional<CardPayment> holdOf(UUID sessionId) {
        return jdbc.sql("select " + COLUMNS + " from card_payment where purpose = 'HOLD' and session_id = ?").param(sessionId)
                .query(CardPaymentRows::payment).optional();
    }

    /** Binds the hold to the session; false when another session took it first. */
    public boolean bind(UUID holdId, UUID sessionId) {
        return jdbc.sql("update card_payment set session_id = ?, updated_at = now() where id = ? and session_id is null")
                .params(sessionId, holdId).update() == 1;
    }

    /** Makes the held payment due again for {@code operation} (CAPTURE of {@code amount}, or CANCEL); false when it is not held. */
    public boolean settle(UUID holdId, String operation, BigDecimal amount) {
        return jdbc.sql("""
                        update card_payment set operation = ?, capture_amount = ?, send_state = 'DUE', attempts = 0, next_attempt_at = now(),
                        updated_at = now() where id = ? and operation = 'CREATE' and status = 'AUTHORISED'""")
                .params(operation, amount, holdId).update() == 1;
    }

    /** Records that the session paid by the hold is to be stopped; false when it was before. */
    public boolean stopRequested(UUID holdId) {
        return jdbc.sql("update card_payment set stop_requested_at = now() where id = ? and stop_requested_at is null").param(holdId).update() == 1;
    }

    /** The status of each session's payment, for those that have one. */
    public Map<UUID, CardPaymentStatus> statusOfSessions(Collection<UUID> sessionIds) {
        Map<UUID, CardPaymentStatus> statuses = new HashMap<>();
        if (sessionIds.isEmpty()) {
            return statuses;
        }
        // a session paid by its hold shows the hold's status, unless a charge after it (the hold lapsed) replaced it
        jdbc.sql("select session_id, status from card_payment where session_id = any(?) order by purpose")
                .param(sessionIds.toArray(UUID[]::new))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
                        statuses.put(rs.getObject(1, UUID.class), CardPaymentStatus.valueOf(rs.getString(2))));
        return statuses;
    }

    /** The tenants with a payment due at {@code now}, through the narrow platform function (ids only). */
    public List<TenantId> tenantsDue(Instant now) {
        return jdbc.sql("select tenant_id from platform_tenants_with_payments_due(?)").param(time(now))
                .query((rs, n) -> new TenantId(rs.getObject(1, UUID.class))).list();
    }

    /**
     * The fee this payment is sent with: {@code current} when it is sent the first time, kept for every later attempt
     * and operation (a hold's capture), so a retry never sends other parameters under the same idempotency key.
     */
    public ApplicationFee settledFee(UUID paymentId, ApplicationFee current) {
        return jdbc.sql("""
                        update card_payment set fee_percent = coalesce(fee_percent, ?), fee_fixed_amount = coalesce(fee_fixed_amount, ?)
                        where id = ? returning fee_percent, fee_fixed_amount""")
                .params(current.percent(), current.fixedAmount(), paymentId)
                .query((rs, n) -> new ApplicationFee(rs.getBigDecimal("fee_percent"), rs.getBigDecimal("fee_fixed_amount"))).single();
    }

    private static CardPayment payment(ResultSet rs, int row) throws SQLException {
        return new CardPayment(rs.getObject("id", UUID.class), rs.getObject("profile_id", UUID.class), rs.getObject("session_id", UUID.class),
                rs.getString("purpose"), new Money(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency"))),
                rs.getString("idempotency_key"), CardPaymentStatus.valueOf(rs.getString("status")), rs.getString("payment_intent_id"),
                rs.getString("client_secret"), rs.getString("failure"), rs.getString("send_state"), rs.getInt("attempts"), rs.getString("operation"),
                rs.getBigDecimal("capture_amount") == null ? null : new Money(rs.getBigDecimal("capture_amount"), Currency.getInstance(rs.getString("currency"))));
    }

    private static UUID tenant() {
        return TenantContext.requireTenant().value();
    }

    private static Timestamp time(Instant at) {
        return Timestamp.from(at);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
