package io.chargebase.domain.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.identity.User;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.domain.identity.UserStatus;
import io.chargebase.domain.organisation.EmailAddress;
import io.chargebase.tenancy.TenantContext;

@Repository
public class UserRows {

    private static final String COLUMNS = "id, email, name, role, organisation_unit_id, profile_id, status, email_verified_at, created_at, terms_version, terms_accepted_at";

    private final JdbcClient jdbc;

    UserRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What signing in needs to know of a user. */
    public record Credentials(User user, String passwordHash, int failedLogins, Instant lockedUntil) {
    }

    public User insert(UUID id, EmailAddress email, String name, UserRole role, UUID unit, UUID profile, String hash) {
        return jdbc.sql("insert into app_user (tenant_id, id, email, name, role, organisation_unit_id, profile_id, password_hash) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?) returning " + COLUMNS)
                .params(TenantContext.requireTenant().value(), id, email.value(), name, role.name(), unit, profile, hash)
                .query(UserRows::user)
                .single();
    }

    /** Whether any user is bound to the unit (its OU admins). */
    public boolean anyInUnit(UUID unitId) {
        return jdbc.sql("select exists (select 1 from app_user where organisation_unit_id = ?)").param(unitId).query(Boolean.class).single();
    }

    public Optional<User> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from app_user where id = ?").param(id).query(UserRows::user).optional();
    }

    public Optional<User> findByProfile(UUID profileId) {
        return jdbc.sql("select " + COLUMNS + " from app_user where profile_id = ?").param(profileId).query(UserRows::user).optional();
    }

    public List<User> page(String afterEmail, int limit) {
        return jdbc.sql("select " + COLUMNS + " from app_user where lower(email) > lower(?) order by lower(email) limit ?")
                .params(afterEmail == null ? "" : afterEmail, limit)
                .query(UserRows::user).list();
    }

    public Optional<Credentials> credentials(String email) {
        return jdbc.sql("select " + COLUMNS + ", password_hash, failed_logins, locked_until from app_user where lower(email) = lower(?)")
                .param(email)
                .query((rs, row) -> new Credentials(user(rs, row), rs.getString("password_hash"), rs.getInt("failed_logins"),
                        instant(rs.getTimestamp("locked_until"))))
                .optional();
    }

    public void recordFailure(UUID id, Instant lockUntil) {
        jdbc.sql("update app_user set failed_logins = case when ?::timestamptz is null then failed_logins + 1 else 0 end, "
                        + "locked_until = coalesce(?::timestamptz, locked_until) where id = ?")
                .params(timestamp(lockUntil), timestamp(lockUntil), id)
                .update();
    }

    public void clearFailures(UUID id) {
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null where id = ?").param(id).update();
    }

    public void setPassword(UUID id, String hash) {
        jdbc.sql("update app_user set password_hash = ?, failed_logins = 0, locked_until = null, token_epoch = token_epoch + 1, "
                        + "updated_at = now() where id = ?")
                .params(hash, id).update();
    }

    /** Records the version of the tenant's terms the user accepted, and when. */
    public void recordAcceptedTerms(UUID id, String version, Instant at) {
        jdbc.sql("update app_user set terms_version = ?, terms_accepted_at = ?, updated_at = now() where id = ?")
                .params(version, Timestamp.from(at), id).update();
    }

    public void markEmailVerified(UUID id, Instant at) {
        jdbc.sql("update app_user set email_verified_at = coalesce(email_verified_at, ?), updated_at = now() where id = ?")
                .params(Timestamp.from(at), id).update();
    }

    public User setStatus(UUID id, UserStatus status) {
        // disabling ends every sign-in; enabling again brings none of them back
        return jdbc.sql("update app_user set status = ?, token_epoch = token_epoch + case when ? = 'DISABLED' and status <> 'DISABLED' "
                        + "then 1 else 0 end, updated_at = now() where id = ? returning " + COLUMNS)
                .params(status.name(), status.name(), id).query(UserRows::user).single();
    }

    /**
     * Removes the person from an account: their address and name are replaced, the password is gone, the account is
     * disabled and a new token epoch ends every sign-in (the revocation trigger announces it).
     */
    public User erase(UUID id, EmailAddress email, String name) {
        return jdbc.sql("update app_user set email = ?, name = ?, password_hash = null, status = 'DISABLED', failed_logins = 0, "
                        + "locked_until = null, token_epoch = token_epoch + 1, updated_at = now() where id = ? returning " + COLUMNS)
                .params(email.value(), name, id).query(UserRows::user).single();
    }

    /** Starts a new token epoch: tokens issued before it are refused (see the api's revocation package). */
    public void newTokenEpoch(UUID id) {
        jdbc.sql("update app_user set token_epoch = token_epoch + 1, updated_at = now() where id = ?").param(id).update();
    }

    public Optional<Integer> tokenEpoch(UUID id) {
        return jdbc.sql("select token_epoch from app_user where id = ?").param(id).query(Integer.class).optional();
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static User user(ResultSet rs, int row) throws SQLException {
        return new User(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("name"),
                UserRole.valueOf(rs.getString("role")),
                rs.getObject("organisation_unit_id", UUID.class),
                rs.getObject("profile_id", UUID.class),
                UserStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("email_verified_at")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("terms_version"),
                instant(rs.getTimestamp("terms_accepted_at")));
    }
}
