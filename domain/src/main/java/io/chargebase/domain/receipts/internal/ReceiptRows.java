package io.chargebase.domain.receipts.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

import io.chargebase.domain.receipts.CompanyDetails;
import io.chargebase.domain.receipts.Receipt;
import io.chargebase.domain.receipts.ReceiptKind;
import io.chargebase.domain.receipts.ReceiptLine;
import io.chargebase.domain.receipts.ReceiptMode;
import io.chargebase.domain.receipts.ReceiptSettings;
import io.chargebase.tenancy.TenantContext;

/** Receipts and their lines, the number counters and the receipt settings of the current tenant. */
@Repository
public class ReceiptRows {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            id, series, number, number_text, profile_id, period_from, period_until, issued_at, currency, net, vat, gross, company::text,
            driver_name, driver_email, refund_transaction_id, credited_receipt_id""";

    /** A session rated for a driver that no receipt has a line for yet. */
    public record Unreceipted(UUID sessionId, UUID mspCdrId, UUID profileId) {
    }

    private final JdbcClient jdbc;

    ReceiptRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next number of the series, taken under the counter row's lock until the caller's transaction ends: a
     * rollback gives it back, and concurrent issuers wait rather than skip.
     */
    public long nextNumber(ReceiptKind kind) {
        return jdbc.sql("""
                        insert into receipt_counter (tenant_id, series, last_number) values (?, ?, 1)
                        on conflict (tenant_id, series) do update set last_number = receipt_counter.last_number + 1
                        returning last_number""")
                .params(TenantContext.requireTenant().value(), kind.name()).query(Long.class).single();
    }

    public void insert(Receipt receipt) {
        UUID tenant = TenantContext.requireTenant().value();
        jdbc.sql("""
                        insert into receipt (tenant_id, id, series, number, number_text, profile_id, period_from, period_until, issued_at, currency,
                            net, vat, gross, company, driver_name, driver_email, refund_transaction_id, credited_receipt_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")
                .params(tenant, receipt.id(), receipt.kind().name(), receipt.number(), receipt.numberText(), receipt.profileId(),
                        receipt.periodFrom(), receipt.periodUntil(), Timestamp.from(receipt.issuedAt()), receipt.currency().getCurrencyCode(),
                        receipt.net(), receipt.vat(), receipt.gross(), JSON.writeValueAsString(receipt.company()), receipt.driverName(),
                        receipt.driverEmail(), receipt.refundTransactionId(), receipt.creditedReceiptId())
                .update();
        for (ReceiptLine line : receipt.lines()) {
            jdbc.sql("""
                            insert into receipt_line (tenant_id, receipt_id, position, session_id, description, started_at, ended_at, energy_kwh,
                                vat_percent, net, vat, gross) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(tenant, receipt.id(), line.position(), line.sessionId(), line.description(), time(line.startedAt()),
                            time(line.endedAt()), line.energyKwh(), line.vatPercent(), line.net(), line.vat(), line.gross())
                    .update();
        }
    }

    public Optional<Receipt> find(UUID id) {
        return withLines(jdbc.sql("select " + COLUMNS + " from receipt where id = ?").param(id).query(ReceiptRows::receipt).list()).stream()
                .findFirst();
    }

    /** The receipt with a line for the session, if any. */
    public Optional<UUID> receiptOfSession(UUID sessionId) {
        return jdbc.sql("select receipt_id from receipt_line where session_id = ?").param(sessionId).query(UUID.class).optional();
    }

    /** The line of the session, with the receipt it is on. */
    public Optional<Map.Entry<UUID, BigDecimal>> sessionVat(UUID sessionId) {
        return jdbc.sql("select receipt_id, vat_percent from receipt_line where session_id = ?").param(sessionId)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getBigDecimal(2))).optional();
    }

    /** What the receipts charged for a session so far: its line and the corrections after it (net, VAT, gross). */
    public record Charged(UUID receiptId, String numberText, BigDecimal net, BigDecimal vat, BigDecimal gross) {
    }

    /** The session's line with what its corrections added or took; empty when the session is on no receipt. */
    public Optional<Charged> chargedForSession(UUID sessionId) {
        return jdbc.sql("""
                        select l.receipt_id, r.number_text,
                               l.net + coalesce(c.net, 0) as net, l.vat + coalesce(c.vat, 0) as vat, l.gross + coalesce(c.gross, 0) as gross
                        from receipt_line l join receipt r on r.tenant_id = l.tenant_id and r.id = l.receipt_id
                        left join lateral (select sum(x.net) as net, sum(x.vat) as vat, sum(x.gross) as gross from receipt x
                                           where x.corrected_session_id = l.session_id) c on true
                        where l.session_id = ?""")
                .param(sessionId)
                .query((rs, n) -> new Charged(rs.getObject(1, UUID.class), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5)))
                .optional();
    }

    /** Whether the MSP CDR version was corrected on a receipt already. */
    public boolean correctionIssued(UUID mspCdrId) {
        return jdbc.sql("select exists (select 1 from receipt where corrected_msp_cdr_id = ?)").param(mspCdrId).query(Boolean.class).single();
    }

    /** Marks the receipt as the correction of the session for its MSP CDR version; a second one for the version is refused by its key. */
    public void markCorrection(UUID receiptId, UUID sessionId, UUID mspCdrId) {
        jdbc.sql("update receipt set corrected_session_id = ?, corrected_msp_cdr_id = ? where id = ?").params(sessionId, mspCdrId, receiptId).update();
    }

    public Optional<UUID> creditNoteOf(UUID refundTransactionId) {
        return jdbc.sql("select id from receipt where refund_transaction_id = ?").param(refundTransactionId).query(UUID.class).optional();
    }

    /** Newest first, after the receipt {@code after} (exclusive), of one driver when {@code profileId} is given; lines included. */
    public List<Receipt> list(UUID profileId, UUID after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from receipt where true");
        List<Object> params = new ArrayList<>();
        if (profileId != null) {
            sql.append(" and profile_id = ?");
            params.add(profileId);
        }
        if (after != null) {
            sql.append(" and (issued_at, id) < (select issued_at, id from receipt where id = ?)");
            params.add(after);
        }
        sql.append(" order by issued_at desc, id desc limit ?");
        params.add(limit);
        return withLines(jdbc.sql(sql.toString()).params(params).query(ReceiptRows::receipt).list());
    }

    /**
     * Sessions that ended in {@code [from, until)}, rated (current MSP CDR) for a driver with something to pay, and on
     * no receipt yet; by driver, then by end.
     */
    public List<Unreceipted> unreceipted(Instant from, Instant until) {
        return jdbc.sql("""
                        select c.session_id, m.id, m.profile_id from msp_cdr m join cpo_cdr c on c.tenant_id = m.tenant_id and c.id = m.cpo_cdr_id
                        where m.superseded_at is null and m.profile_id is not null and m.payable_total > 0 and c.session_id is not null
                          and m.end_at >= ? and m.end_at < ?
                          and not exists (select 1 from receipt_line l where l.session_id = c.session_id)
                        order by m.profile_id, m.end_at, m.id""")
                .params(Timestamp.from(from), Timestamp.from(until))
                .query((rs, n) -> new Unreceipted(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class))).list();
    }

    public Optional<ReceiptSettings> settings() {
        return jdbc.sql("select mode from receipt_settings").query((rs, n) -> new ReceiptSettings(ReceiptMode.valueOf(rs.getString(1)))).optional();
    }

    public void saveSettings(ReceiptSettings settings) {
        jdbc.sql("""
                        insert into receipt_settings (tenant_id, mode) values (?, ?)
                        on conflict (tenant_id) do update set mode = excluded.mode, updated_at = now()""")
                .params(TenantContext.requireTenant().value(), settings.mode().name()).update();
    }

    /** The tenants that issue monthly, asked across tenants through the platform's narrow function. */
    public List<UUID> monthlyTenants() {
        return jdbc.sql("select tenant_id from platform_monthly_receipt_tenants()").query(UUID.class).list();
    }

    /** The tenants with a refund to a driver that has no credit note yet, through the platform's narrow function. */
    public List<UUID> tenantsWithRefunds() {
        return jdbc.sql("select tenant_id from platform_credit_note_tenants()").query(UUID.class).list();
    }

    private List<Receipt> withLines(List<Receipt> receipts) {
        if (receipts.isEmpty()) {
            return receipts;
        }
        Map<UUID, List<ReceiptLine>> lines = new LinkedHashMap<>();
        receipts.forEach(receipt -> lines.put(receipt.id(), new ArrayList<>()));
        jdbc.sql("""
                        select receipt_id, position, session_id, description, started_at, ended_at, energy_kwh, vat_percent, net, vat, gross
                        from receipt_line where receipt_id = any(?) order by receipt_id, position""")
                .param(lines.keySet().toArray(UUID[]::new))
                .query((rs, n) -> {
                    lines.get(rs.getObject(1, UUID.class)).add(new ReceiptLine(rs.getInt(2), rs.getObject(3, UUID.class), rs.getString(4),
                            instant(rs, 5), instant(rs, 6), rs.getBigDecimal(7), rs.getBigDecimal(8).stripTrailingZeros(), rs.getBigDecimal(9),
                            rs.getBigDecimal(10), rs.getBigDecimal(11)));
                    return null;
                }).list();
        return receipts.stream().map(receipt -> receipt.withLines(atScale(lines.get(receipt.id()), receipt.currency()))).toList();
    }

    /** Amounts as the currency shows them: 12.1000 EUR as 12.10 (stored at the ledger's 4 decimals, issued at the currency's). */
    private static List<ReceiptLine> atScale(List<ReceiptLine> lines, Currency currency) {
        int scale = Math.max(currency.getDefaultFractionDigits(), 0);
        return lines.stream().map(line -> new ReceiptLine(line.position(), line.sessionId(), line.description(), line.startedAt(), line.endedAt(),
                line.energyKwh(), line.vatPercent(), line.net().setScale(scale), line.vat().setScale(scale), line.gross().setScale(scale))).toList();
    }

    private static Receipt receipt(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        int scale = Math.max(currency.getDefaultFractionDigits(), 0);
        return new Receipt(rs.getObject("id", UUID.class), ReceiptKind.valueOf(rs.getString("series")), rs.getLong("number"),
                rs.getString("number_text"), rs.getObject("profile_id", UUID.class), rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_until", LocalDate.class), rs.getTimestamp("issued_at").toInstant(), currency,
                rs.getBigDecimal("net").setScale(scale), rs.getBigDecimal("vat").setScale(scale), rs.getBigDecimal("gross").setScale(scale),
                JSON.readValue(rs.getString("company"), CompanyDetails.class), rs.getString("driver_name"), rs.getString("driver_email"),
                rs.getObject("refund_transaction_id", UUID.class), rs.getObject("credited_receipt_id", UUID.class), List.of());
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static Timestamp time(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
