package io.chargebase.domain.billing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.billing.Voucher;
import io.chargebase.domain.billing.Vouchers;
import io.chargebase.domain.money.Money;
import io.chargebase.tenancy.TenantContext;

/** Vouchers: inserted, redeemed by one conditional update, listed newest first keyset-paged by (created_at, id). */
@Repository
public class VoucherRows {

    private static final String COLUMNS = "id, code, kind, currency, amount, redeem_before, expires_at, description, created_by, created_at, "
            + "redeemed_by, redeemed_at";

    private final JdbcClient jdbc;

    VoucherRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the voucher; false when its code is taken in the tenant. */
    public boolean insert(Voucher voucher) {
        return jdbc.sql("""
                        insert into voucher (tenant_id, id, code, kind, currency, amount, redeem_before, expires_at, description, created_by,
                                             created_at, redeemed_by, redeemed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, code) do nothing""")
                .params(TenantContext.requireTenant().value(), voucher.id(), voucher.code(), voucher.kind().name(),
                        voucher.amount().currency().getCurrencyCode(), voucher.amount().amount(), voucher.redeemBefore(), utc(voucher.expiresAt()),
                        voucher.description(), voucher.createdBy(), utc(voucher.createdAt()), voucher.redeemedBy(), utc(voucher.redeemedAt()))
                .update() == 1;
    }

    /**
     * Marks the voucher with the code redeemed by the profile when it is a voucher, not redeemed and not expired at
     * {@code now}; empty otherwise. A concurrent redemption of the same code waits for this one's row lock and then
     * no longer matches.
     */
    public Optional<Voucher> redeem(String code, UUID profileId, Instant now) {
        return jdbc.sql("""
                        update voucher set redeemed_by = ?, redeemed_at = ?
                        where code = ? and kind = 'VOUCHER' and redeemed_by is null and expires_at > ?
                        returning %s""".formatted(COLUMNS))
                .params(profileId, utc(now), code, utc(now))
                .query(VoucherRows::voucher).optional();
    }

    public Optional<Voucher> findByCode(String code) {
        return jdbc.sql("select %s from voucher where code = ?".formatted(COLUMNS)).param(code).query(VoucherRows::voucher).optional();
    }

    public List<Voucher> list(Vouchers.Filter filter, Instant now, String after, int limit) {
        StringBuilder where = new StringBuilder("true");
        List<Object> params = new ArrayList<>();
        if (filter.kinds() != null && !filter.kinds().isEmpty()) {
            where.append(" and kind in (").append(String.join(", ", filter.kinds().stream().map(kind -> "?").toList())).append(")");
            filter.kinds().stream().map(Enum::name).sorted().forEach(params::add);
        }
        if (filter.status() != null) {
            switch (filter.status()) {
                case REDEEMED -> where.append(" and redeemed_at is not null");
                case EXPIRED -> {
                    where.append(" and redeemed_at is null and expires_at <= ?");
                    params.add(utc(now));
                }
                case AVAILABLE -> {
                    where.append(" and redeemed_at is null and expires_at > ?");
                    params.add(utc(now));
                }
            }
        }
        range(where, params, "created_at", filter.createdFrom(), filter.createdTo());
        range(where, params, "redeemed_at", filter.redeemedFrom(), filter.redeemedTo());
        if (filter.redeemedBy() != null) {
            where.append(" and redeemed_by = ?");
            params.add(filter.redeemedBy());
        }
        if (after != null) {
            String[] position = after.split("\\|", 2);
            try {
                long micros = Long.parseLong(position[0]);
                UUID id = UUID.fromString(position[1]);
                where.append(" and (created_at, id) < (to_timestamp(?::double precision / 1000000), ?)");
                params.add(micros);
                params.add(id);
            } catch (RuntimeException malformed) {
                throw new DomainException(ErrorCode.INVALID, "after", "Not a position this list returned.");
            }
        }
        params.add(limit);
        return jdbc.sql("select %s from voucher where %s order by created_at desc, id desc limit ?".formatted(COLUMNS, where))
                .params(params).query(VoucherRows::voucher).list();
    }

    private static void range(StringBuilder where, List<Object> params, String column, Instant from, Instant to) {
        if (from != null) {
            where.append(" and ").append(column).append(" >= ?");
            params.add(utc(from));
        }
        if (to != null) {
            where.append(" and ").append(column).append(" < ?");
            params.add(utc(to));
        }
    }

    private static Voucher voucher(ResultSet rs, int n) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        return new Voucher(rs.getObject("id", UUID.class), rs.getString("code"), Voucher.Kind.valueOf(rs.getString("kind")),
                new Money(rs.getBigDecimal("amount"), currency).rounded(), rs.getObject("redeem_before", java.time.LocalDate.class),
                instant(rs, "expires_at"), rs.getString("description"), rs.getString("created_by"), instant(rs, "created_at"),
                rs.getObject("redeemed_by", UUID.class), instant(rs, "redeemed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
