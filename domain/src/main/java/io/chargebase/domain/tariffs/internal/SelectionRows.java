package io.chargebase.domain.tariffs.internal;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What tariff selection reads about an EVSE and a customer, in one statement each. */
@Repository
public class SelectionRows {

    /** An EVSE with its location's time zone and owner, its tariff group, and the location groups of its connectors. */
    public record EvseFacts(UUID evseId, UUID locationId, ZoneId timeZone, UUID ownerUnitId, UUID tariffGroupId, Set<UUID> locationGroupIds) {
    }

    /** A profile with the path of its unit, its business-partner groups (through any unit above) and its user groups. */
    public record ProfileFacts(UUID profileId, String unitPath, Set<UUID> partnerGroupIds, Set<UUID> userGroupIds) {
    }

    private final JdbcClient jdbc;

    SelectionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String EVSE_FACTS = """
            select e.id, l.id as location_id, l.time_zone, l.owner_unit_id, e.tariff_group_id,
                   array(select distinct m.group_id from connector c
                         join location_group_member m on m.connector_id = c.id where c.evse_id = e.id) as groups
            from evse e
            join charge_point cp on cp.id = e.charge_point_id
            join location l on l.id = cp.location_id
            """;

    public Optional<EvseFacts> evse(UUID evseId) {
        return jdbc.sql(EVSE_FACTS + "where e.id = ?").param(evseId).query(SelectionRows::evseFacts).optional();
    }

    /** The facts of each EVSE found, in one statement. */
    public java.util.List<EvseFacts> evses(java.util.Collection<UUID> evseIds) {
        return evseIds.isEmpty() ? java.util.List.of()
                : jdbc.sql(EVSE_FACTS + "where e.id = any(?)").param(evseIds.toArray(UUID[]::new)).query(SelectionRows::evseFacts).list();
    }

    private static EvseFacts evseFacts(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new EvseFacts(rs.getObject("id", UUID.class), rs.getObject("location_id", UUID.class),
                ZoneId.of(rs.getString("time_zone")), rs.getObject("owner_unit_id", UUID.class),
                rs.getObject("tariff_group_id", UUID.class), new HashSet<>(TariffRows.uuids(rs.getArray("groups"))));
    }

    public Optional<ProfileFacts> profile(UUID profileId) {
        return jdbc.sql("""
                        select p.id, ou.path,
                               array(select distinct b.group_id from business_partner_group_unit b
                                     where ou.path like '%/' || b.organisation_unit_id || '/%') as partner_groups,
                               array(select m.group_id from user_group_member m where m.profile_id = p.id) as user_groups
                        from profile p
                        join organisation_unit ou on ou.id = p.organisation_unit_id
                        where p.id = ?""")
                .param(profileId)
                .query((rs, row) -> new ProfileFacts(rs.getObject("id", UUID.class), rs.getString("path"),
                        new HashSet<>(TariffRows.uuids(rs.getArray("partner_groups"))), new HashSet<>(TariffRows.uuids(rs.getArray("user_groups")))))
                .optional();
    }

    /** The EVSE known by its OCPI EVSE id (e.g. NL*DEM*E0001*1). */
    public Optional<UUID> evseByEvseId(String evseId) {
        return jdbc.sql("select id from evse where evse_id = ?").param(evseId).query(UUID.class).optional();
    }
}
