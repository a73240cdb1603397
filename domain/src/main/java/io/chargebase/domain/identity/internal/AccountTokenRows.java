package io.chargebase.domain.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.tenancy.TenantContext;

@Repository
public class AccountTokenRows {

    public enum Purpose { VERIFY_EMAIL, RESET_PASSWORD }

    public record Token(String tokenHash, UUID userId, Purpose purpose, Instant expiresAt, Instant usedAt) {
    }

    private final JdbcClient jdbc;

    AccountTokenRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String tokenHash, UUID userId, Purpose purpose, Instant expiresAt) {
        jdbc.sql("insert into account_token (tenant_id, token_hash, user_id, purpose, expires_at) values (?, ?, ?, ?, ?)")
                .params(TenantContext.requireTenant().value(), tokenHash, userId, purpose.name(), Timestamp.from(expiresAt))
                .update();
    }

    public Optional<Token> find(String tokenHash) {
        return jdbc.sql("select token_hash, user_id, purpose, expires_at, used_at from account_token where token_hash = ? for update")
                .param(tokenHash)
                .query((rs, row) -> new Token(rs.getString("token_hash"), rs.getObject("user_id", UUID.class),
                        Purpose.valueOf(rs.getString("purpose")), rs.getTimestamp("expires_at").toInstant(),
                        UserRows.instant(rs.getTimestamp("used_at"))))
                .optional();
    }

    /** Ends the user's unused codes of this purpose, so that only the newest one works. */
    public void endUnused(UUID userId, Purpose purpose, Instant at) {
        jdbc.sql("update account_token set used_at = ? where user_id = ? and purpose = ? and used_at is null")
                .params(Timestamp.from(at), userId, purpose.name()).update();
    }

    public void markUsed(String tokenHash, Instant at) {
        jdbc.sql("update account_token set used_at = ? where token_hash = ?").params(Timestamp.from(at), tokenHash).update();
    }
}
