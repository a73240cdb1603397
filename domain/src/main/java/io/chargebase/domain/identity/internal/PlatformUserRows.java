package io.chargebase.domain.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.identity.PlatformUser;
import io.chargebase.domain.identity.UserStatus;

@Repository
public class PlatformUserRows {

    private static final String COLUMNS = "id, email, name, status, created_at";

    private final JdbcClient jdbc;

    PlatformUserRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Credentials(PlatformUser user, String passwordHash, int failedLogins, Instant lockedUntil) {
    }

    public PlatformUser insert(UUID id, String email, String name, String hash) {
        return jdbc.sql("insert into platform_user (id, email, name, password_hash) values (?, ?, ?, ?) returning " + COLUMNS)
                .params(id, email, name, hash).query(PlatformUserRows::user).single();
    }

    public Optional<PlatformUser> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from platform_user where id = ?").param(id).query(PlatformUserRows::user).optional();
    }

    public Optional<Credentials> credentials(String email) {
        return jdbc.sql("select " + COLUMNS + ", password_hash, failed_logins, locked_until from platform_user where lower(email) = lower(?)")
                .param(email)
                .query((rs, row) -> new Credentials(user(rs, row), rs.getString("password_hash"), rs.getInt("failed_logins"),
                        UserRows.instant(rs.getTimestamp("locked_until"))))
                .optional();
    }

    public void recordFailure(UUID id, Instant lockUntil) {
        jdbc.sql("update platform_user set failed_logins = case when ?::timestamptz is null then failed_logins + 1 else 0 end, "
                        + "locked_until = coalesce(?::timestamptz, locked_until) where id = ?")
                .params(UserRows.timestamp(lockUntil), UserRows.timestamp(lockUntil), id)
                .update();
    }

    public void clearFailures(UUID id) {
        jdbc.sql("update platform_user set failed_logins = 0, locked_until = null where id = ? and (failed_logins > 0 or locked_until is not null)")
                .param(id).update();
    }

    static PlatformUser user(ResultSet rs, int row) throws SQLException {
        return new PlatformUser(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
                UserStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant());
    }
}
