package io.chargebase.domain.charging.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.charging.CdrQuery;
import io.chargebase.domain.charging.CpoCdr;
import io.chargebase.domain.charging.MspCdr;
import io.chargebase.domain.Page;
import io.chargebase.domain.money.Money;
import io.chargebase.domain.rating.Price;
import io.chargebase.domain.tariffs.Customer;
import io.chargebase.tenancy.TenantContext;

@Repository
public class CdrRows {

    /**
     * The columns {@link #cpoCdr} and {@link #mspCdr} read, named rather than {@code *}: a list of fifty rows then
     * carries nothing the records do not hold (the tenant, columns added later for other readers).
     */
    static final String CPO_COLUMNS = "id, cdr_number, location_id, evse_id, token_uid, token_id, profile_id, customer, roaming_party, "
            + "start_at, end_at, time_zone, charging_periods, total_energy_kwh, total_time_h, total_parking_h, currency, "
            + "cpo_cost_excl_vat, cpo_cost_incl_vat, session_id, recorded_by, created_at";
    static final String MSP_COLUMNS = "id, cdr_number, cpo_cdr_id, version, profile_id, location_id, tariff_id, tariff_version, selection, "
            + "currency, lines, total_energy_kwh, total_time_h, total_parking_h, total_cost_excl_vat, total_cost_incl_vat, payable_total, "
            + "start_at, end_at, rated_at, rated_by, superseded_at";

    private final JdbcClient jdbc;

    CdrRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(CpoCdr cdr) {
        jdbc.sql("""
                        insert into cpo_cdr (tenant_id, id, cdr_number, location_id, evse_id, token_uid, token_id, profile_id, customer,
                            roaming_party, start_at, end_at, time_zone, charging_periods, total_energy_kwh, total_time_h, total_parking_h,
                            currency, cpo_cost_excl_vat, cpo_cost_incl_vat, session_id, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(TenantContext.requireTenant().value(), cdr.id(), cdr.cdrNumber(), cdr.locationId(), cdr.evseId(), cdr.tokenUid(),
                        cdr.tokenId(), cdr.profileId(), cdr.customer().name(), cdr.roamingParty(), time(cdr.start()), time(cdr.end()),
                        cdr.timeZone().getId(), CdrJson.periods(cdr.periods()), cdr.totalEnergyKwh(), cdr.totalTimeHours(),
                        cdr.totalParkingHours(), cdr.currency().getCurrencyCode(),
                        cdr.cpoCost() == null ? null : cdr.cpoCost().exclVat(), cdr.cpoCost() == null ? null : cdr.cpoCost().inclVat(),
                        cdr.sessionId(), cdr.recordedBy())
                .update();
    }

    public void insert(MspCdr cdr) {
        jdbc.sql("""
                        insert into msp_cdr (tenant_id, id, cdr_number, cpo_cdr_id, version, profile_id, location_id, tariff_id, tariff_version,
                            selection, currency, lines, total_energy_kwh, total_time_h, total_parking_h, total_cost_excl_vat,
                            total_cost_incl_vat, payable_total, start_at, end_at, rated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(TenantContext.requireTenant().value(), cdr.id(), cdr.cdrNumber(), cdr.cpoCdrId(), cdr.version(), cdr.profileId(),
                        cdr.locationId(), cdr.tariffId(), cdr.tariffVersion(), cdr.selection(), cdr.currency().getCurrencyCode(),
                        CdrJson.lines(cdr.lines()), cdr.totalEnergyKwh(), cdr.totalTimeHours(), cdr.totalParkingHours(),
                        cdr.totalCostExclVat(), cdr.totalCostInclVat(), cdr.payableTotal(), time(cdr.start()), time(cdr.end()), cdr.ratedBy())
                .update();
    }

    /** A CPO CDR of ours as corrected: its end, periods and totals (see Cdrs#correctOwn). */
    public void correct(CpoCdr cdr) {
        jdbc.sql("""
                        update cpo_cdr set start_at = ?, end_at = ?, time_zone = ?, charging_periods = ?::jsonb, total_energy_kwh = ?,
                            total_time_h = ?, total_parking_h = ?
                        where id = ?""")
                .params(time(cdr.start()), time(cdr.end()), cdr.timeZone().getId(), CdrJson.periods(cdr.periods()), cdr.totalEnergyKwh(),
                        cdr.totalTimeHours(), cdr.totalParkingHours(), cdr.id())
                .update();
    }

    /** Marks the current MSP CDR of a CPO CDR superseded and returns its version (0 when there was none). */
    public int supersede(UUID cpoCdrId) {
        return jdbc.sql("update msp_cdr set superseded_at = now() where cpo_cdr_id = ? and superseded_at is null returning version")
                .param(cpoCdrId).query(Integer.class).optional().orElse(0);
    }

    /** Whether any MSP CDR, current or superseded, was rated with the tariff. */
    public boolean ratedWith(UUID tariffId) {
        return jdbc.sql("select exists (select 1 from msp_cdr where tariff_id = ?)").param(tariffId).query(Boolean.class).single();
    }

    public boolean numberTaken(String cdrNumber) {
        return jdbc.sql("select exists (select 1 from cpo_cdr where cdr_number = ?)").param(cdrNumber).query(Boolean.class).single();
    }

    public Optional<CpoCdr> lockCpoCdr(UUID id) {
        return jdbc.sql("select " + CPO_COLUMNS + " from cpo_cdr where id = ? for update").param(id).query(CdrRows::cpoCdr).optional();
    }

    public Optional<CpoCdr> findCpoCdr(UUID id) {
        return jdbc.sql("select " + CPO_COLUMNS + " from cpo_cdr where id = ?").param(id).query(CdrRows::cpoCdr).optional();
    }

    public Optional<MspCdr> findMspCdr(UUID id) {
        return jdbc.sql("select " + MSP_COLUMNS + " from msp_cdr where id = ?").param(id).query(CdrRows::mspCdr).optional();
    }

    public List<MspCdr> mspVersions(UUID cpoCdrId) {
        return jdbc.sql("select " + MSP_COLUMNS + " from msp_cdr where cpo_cdr_id = ? order by version").param(cpoCdrId).query(CdrRows::mspCdr).list();
    }

    public List<CpoCdr> findCpoCdrs(Collection<UUID> ids) {
        return jdbc.sql("select " + CPO_COLUMNS + " from cpo_cdr where id = any(?)").param(ids.toArray(UUID[]::new)).query(CdrRows::cpoCdr).list();
    }

    /** Every MSP CDR version of these CPO CDRs, oldest first within each. */
    public List<MspCdr> mspVersionsOf(Collection<UUID> cpoCdrIds) {
        return jdbc.sql("select " + MSP_COLUMNS + " from msp_cdr where cpo_cdr_id = any(?) order by cpo_cdr_id, version")
                .param(cpoCdrIds.toArray(UUID[]::new)).query(CdrRows::mspCdr).list();
    }

    public Page<CpoCdr> cpoCdrs(CdrQuery query, UUID afterId, int limit, boolean counted) {
        return page("cpo_cdr", CPO_COLUMNS, query, afterId, limit, counted, CdrRows::cpoCdr);
    }

    public Page<MspCdr> mspCdrs(CdrQuery query, UUID afterId, int limit, boolean counted) {
        return page("msp_cdr", MSP_COLUMNS, query, afterId, limit, counted, CdrRows::mspCdr);
    }

    /** Newest sessions first; the page after {@code afterId} continues from that row's place in the order. */
    private <T> Page<T> page(String table, String columns, CdrQuery query, UUID afterId, int limit, boolean counted, RowMapper<T> mapper) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (query.from() != null) {
            where.append(" and start_at >= ?");
            params.add(time(query.from()));
        }
        if (query.to() != null) {
            where.append(" and start_at < ?");
            params.add(time(query.to()));
        }
        if (query.locationId() != null) {
            where.append(" and location_id = ?");
            params.add(query.locationId());
        }
        if (query.profileId() != null) {
            where.append(" and profile_id = ?");
            params.add(query.profileId());
        }
        if (query.organisationUnitId() != null) {
            where.append(" and profile_id in (select p.id from profile p join organisation_unit ou on ou.id = p.organisation_unit_id "
                    + "where ou.path like (select u.path from organisation_unit u where u.id = ?) || '%')");
            params.add(query.organisationUnitId());
        }
        if (table.equals("msp_cdr") && !query.includeSuperseded()) {
            where.append(" and superseded_at is null");
        }
        long total = counted ? jdbc.sql("select count(*) from " + table + where).params(params).query(Long.class).single() : Page.NOT_COUNTED;
        List<Object> pageParams = new ArrayList<>(params);
        String keyset = "";
        if (afterId != null) {
            keyset = " and (start_at, id) < (select c.start_at, c.id from " + table + " c where c.id = ?)";
            pageParams.add(afterId);
        }
        pageParams.add(limit + 1);
        List<T> rows = jdbc.sql("select " + columns + " from " + table + where + keyset + " order by start_at desc, id desc limit ?")
                .params(pageParams).query(mapper).list();
        boolean more = rows.size() > limit;
        return new Page<>(more ? rows.subList(0, limit) : rows, more, total);
    }

    static CpoCdr cpoCdr(ResultSet rs, int row) throws SQLException {
        java.math.BigDecimal excl = rs.getBigDecimal("cpo_cost_excl_vat");
        return new CpoCdr(
                rs.getObject("id", UUID.class),
                rs.getString("cdr_number"),
                rs.getObject("location_id", UUID.class),
                rs.getObject("evse_id", UUID.class),
                rs.getString("token_uid"),
                rs.getObject("token_id", UUID.class),
                rs.getObject("profile_id", UUID.class),
                Customer.Kind.valueOf(rs.getString("customer")),
                rs.getString("roaming_party"),
                instant(rs, "start_at"),
                instant(rs, "end_at"),
                ZoneId.of(rs.getString("time_zone")),
                CdrJson.periods(rs.getString("charging_periods")),
                rs.getBigDecimal("total_energy_kwh"),
                rs.getBigDecimal("total_time_h"),
                rs.getBigDecimal("total_parking_h"),
                Currency.getInstance(rs.getString("currency")),
                excl == null ? null : new Price(excl, rs.getBigDecimal("cpo_cost_incl_vat")),
                rs.getObject("session_id", UUID.class),
                rs.getString("recorded_by"),
                instant(rs, "created_at"));
    }

    /**
     * The payable total as rated; for a CDR rated before it was recorded, its stored total including VAT brought to the
     * currency's scale the same way.
     */
    private static BigDecimal payableTotal(ResultSet rs) throws SQLException {
        BigDecimal payable = rs.getBigDecimal("payable_total");
        return payable != null ? payable
                : new Money(rs.getBigDecimal("total_cost_incl_vat"), Currency.getInstance(rs.getString("currency"))).rounded().amount();
    }

    static MspCdr mspCdr(ResultSet rs, int row) throws SQLException {
        return new MspCdr(
                rs.getObject("id", UUID.class),
                rs.getString("cdr_number"),
                rs.getObject("cpo_cdr_id", UUID.class),
                rs.getInt("version"),
                rs.getObject("profile_id", UUID.class),
                rs.getObject("location_id", UUID.class),
                rs.getObject("tariff_id", UUID.class),
                rs.getInt("tariff_version"),
                rs.getString("selection"),
                Currency.getInstance(rs.getString("currency")),
                CdrJson.lines(rs.getString("lines")),
                rs.getBigDecimal("total_energy_kwh"),
                rs.getBigDecimal("total_time_h"),
                rs.getBigDecimal("total_parking_h"),
                rs.getBigDecimal("total_cost_excl_vat"),
                rs.getBigDecimal("total_cost_incl_vat"),
                payableTotal(rs),
                instant(rs, "start_at"),
                instant(rs, "end_at"),
                instant(rs, "rated_at"),
                rs.getString("rated_by"),
                rs.getObject("superseded_at", OffsetDateTime.class) == null ? null : instant(rs, "superseded_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The tariff an operator chose when starting the CDR's session by hand, if any (see SessionRows#setTariffOverride). */
    public Optional<UUID> sessionTariffOverride(UUID sessionId) {
        return jdbc.sql("select tariff_override_id from charging_session where id = ? and tariff_override_id is not null").param(sessionId)
                .query(UUID.class).optional();
    }
}
