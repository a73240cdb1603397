package io.chargebase.domain.assets.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.assets.AssetTypes;
import io.chargebase.domain.assets.ChargePointTemplate;
import io.chargebase.domain.assets.NewChargePoint;
import io.chargebase.tenancy.TenantContext;

@Repository
public class TemplateRows {

    private final JdbcClient jdbc;

    TemplateRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ChargePointTemplate insert(UUID id, String name, String vendor, String model, List<NewChargePoint.NewEvse> evses) {
        UUID tenant = TenantContext.requireTenant().value();
        jdbc.sql("insert into charge_point_template (tenant_id, id, name, vendor, model) values (?, ?, ?, ?, ?)")
                .params(tenant, id, name, vendor, model).update();
        for (int e = 0; e < evses.size(); e++) {
            NewChargePoint.NewEvse evse = evses.get(e);
            for (int c = 0; c < evse.connectors().size(); c++) {
                NewChargePoint.NewConnector connector = evse.connectors().get(c);
                jdbc.sql("insert into charge_point_template_connector (tenant_id, template_id, evse_position, current_type, max_power_kw, "
                                + "position, standard, format, power_type, max_voltage, max_amperage) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(tenant, id, e + 1, evse.currentType().name(), evse.maxPowerKw(), c + 1, connector.standard().name(),
                                connector.format().name(), connector.powerType().name(), connector.maxVoltage(), connector.maxAmperage())
                        .update();
            }
        }
        return new ChargePointTemplate(id, name, vendor, model, evses);
    }

    public java.util.Optional<ChargePointTemplate> find(UUID id) {
        return list(" where id = ?", " where template_id = ?", id).stream().findFirst();
    }

    /** Every template with its layout, read in two statements. */
    public List<ChargePointTemplate> list() {
        return list("", "", null);
    }

    private List<ChargePointTemplate> list(String templateWhere, String connectorWhere, UUID id) {
        record Head(UUID id, String name, String vendor, String model) {
        }
        var headQuery = jdbc.sql("select id, name, vendor, model from charge_point_template" + templateWhere + " order by lower(name)");
        var connectorQuery = jdbc.sql("select template_id, evse_position, current_type, max_power_kw, standard, format, power_type, "
                + "max_voltage, max_amperage from charge_point_template_connector" + connectorWhere + " order by template_id, evse_position, position");
        if (id != null) {
            headQuery = headQuery.param(id);
            connectorQuery = connectorQuery.param(id);
        }
        List<Head> heads = headQuery.query((rs, row) -> new Head(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("vendor"), rs.getString("model")))
                .list();
        Map<UUID, Map<Integer, List<Object[]>>> layout = new LinkedHashMap<>();
        connectorQuery.query((rs, row) -> layout.computeIfAbsent(rs.getObject("template_id", UUID.class), k -> new LinkedHashMap<>())
                        .computeIfAbsent(rs.getInt("evse_position"), k -> new ArrayList<>())
                        .add(new Object[] {rs.getString("current_type"), rs.getBigDecimal("max_power_kw"), rs.getString("standard"),
                                rs.getString("format"), rs.getString("power_type"), rs.getInt("max_voltage"), rs.getInt("max_amperage")}))
                .list();
        List<ChargePointTemplate> templates = new ArrayList<>();
        for (Head head : heads) {
            List<NewChargePoint.NewEvse> evses = new ArrayList<>();
            layout.getOrDefault(head.id(), Map.of()).values().forEach(connectors -> {
                Object[] first = connectors.getFirst();
                evses.add(new NewChargePoint.NewEvse(null, AssetTypes.CurrentType.valueOf((String) first[0]), (BigDecimal) first[1],
                        connectors.stream().map(c -> new NewChargePoint.NewConnector(AssetTypes.ConnectorStandard.valueOf((String) c[2]),
                                AssetTypes.ConnectorFormat.valueOf((String) c[3]), AssetTypes.PowerType.valueOf((String) c[4]),
                                (Integer) c[5], (Integer) c[6])).toList()));
            });
            templates.add(new ChargePointTemplate(head.id(), head.name(), head.vendor(), head.model(), evses));
        }
        return templates;
    }
}
