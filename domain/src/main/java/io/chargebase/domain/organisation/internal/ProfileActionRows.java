package io.chargebase.domain.organisation.internal;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.organisation.ProfileActions.ProfileAction;
import io.chargebase.tenancy.TenantContext;

/** A profile's actions log: inserted, read newest first. */
@Repository
public class ProfileActionRows {

    private final JdbcClient jdbc;

    ProfileActionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ProfileAction action) {
        jdbc.sql("""
                        insert into profile_action (tenant_id, id, profile_id, action, info, reason, actor, happened_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(TenantContext.requireTenant().value(), action.id(), action.profileId(), action.action(), action.info(), action.reason(),
                        action.actor(), action.happenedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    public List<ProfileAction> of(UUID profileId, int limit) {
        return jdbc.sql("""
                        select id, profile_id, action, info, reason, actor, happened_at from profile_action
                        where profile_id = ? order by happened_at desc, id desc limit ?""")
                .params(profileId, limit)
                .query((rs, n) -> new ProfileAction(rs.getObject("id", UUID.class), rs.getObject("profile_id", UUID.class), rs.getString("action"),
                        rs.getString("info"), rs.getString("reason"), rs.getString("actor"), rs.getTimestamp("happened_at").toInstant()))
                .list();
    }
}
