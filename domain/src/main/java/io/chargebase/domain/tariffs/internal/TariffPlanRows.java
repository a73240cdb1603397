package io.chargebase.domain.tariffs.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.tariffs.TariffPlan;
import io.chargebase.tenancy.TenantContext;

@Repository
public class TariffPlanRows {

    private final JdbcClient jdbc;

    TariffPlanRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, String name, UUID defaultTariffId) {
        jdbc.sql("insert into tariff_plan (tenant_id, id, name, default_tariff_id) values (?, ?, ?, ?)")
                .params(TenantContext.requireTenant().value(), id, name, defaultTariffId).update();
    }

    public void update(UUID id, String name, UUID defaultTariffId) {
        jdbc.sql("update tariff_plan set name = ?, default_tariff_id = ?, updated_at = now() where id = ?").params(name, defaultTariffId, id).update();
    }

    public void setRules(UUID planId, List<TariffPlan.Rule> rules) {
        UUID tenant = TenantContext.requireTenant().value();
        jdbc.sql("delete from tariff_plan_rule where plan_id = ?").param(planId).update();
        for (TariffPlan.Rule rule : rules) {
            jdbc.sql("insert into tariff_plan_rule (tenant_id, plan_id, precedence, location_group_id, business_partner_group_id, tariff_id) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(tenant, planId, rule.precedence(), rule.locationGroupId(), rule.businessPartnerGroupId(), rule.tariffId()).update();
        }
    }

    /** Makes one plan the active one (none when {@code id} is null). */
    public void activate(UUID id) {
        jdbc.sql("update tariff_plan set active = false, updated_at = now() where active and id is distinct from ?").param(id).update();
        if (id != null) {
            jdbc.sql("update tariff_plan set active = true, updated_at = now() where id = ?").param(id).update();
        }
    }

    public Optional<TariffPlan> lock(UUID id) {
        return jdbc.sql("select id from tariff_plan where id = ? for update").param(id).query(UUID.class).optional().flatMap(this::find);
    }

    public Optional<TariffPlan> find(UUID id) {
        return load("where p.id = ?", id).stream().findFirst();
    }

    public Optional<TariffPlan> active() {
        return load("where p.active").stream().findFirst();
    }

    public List<TariffPlan> list() {
        return load("");
    }

    public void delete(UUID id) {
        jdbc.sql("delete from tariff_plan where id = ?").param(id).update();
    }

    private List<TariffPlan> load(String where, Object... params) {
        Map<UUID, TariffPlan> plans = new LinkedHashMap<>();
        Map<UUID, List<TariffPlan.Rule>> rules = new LinkedHashMap<>();
        jdbc.sql("select p.id, p.name, p.default_tariff_id, p.active, r.precedence, r.location_group_id, r.business_partner_group_id, r.tariff_id "
                        + "from tariff_plan p left join tariff_plan_rule r on r.plan_id = p.id " + where
                        + " order by lower(p.name), p.id, r.precedence")
                .params(params)
                .query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    plans.putIfAbsent(id, new TariffPlan(id, rs.getString("name"), rs.getObject("default_tariff_id", UUID.class),
                            rs.getBoolean("active"), List.of()));
                    List<TariffPlan.Rule> list = rules.computeIfAbsent(id, key -> new ArrayList<>());
                    UUID tariff = rs.getObject("tariff_id", UUID.class);
                    if (tariff != null) {
                        list.add(new TariffPlan.Rule(rs.getInt("precedence"), rs.getObject("location_group_id", UUID.class),
                                rs.getObject("business_partner_group_id", UUID.class), tariff));
                    }
                    return id;
                })
                .list();
        return plans.values().stream()
                .map(plan -> new TariffPlan(plan.id(), plan.name(), plan.defaultTariffId(), plan.active(), List.copyOf(rules.get(plan.id()))))
                .toList();
    }
}
