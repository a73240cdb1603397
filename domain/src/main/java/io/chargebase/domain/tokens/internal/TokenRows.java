package io.chargebase.domain.tokens.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.chargebase.domain.SqlSearch;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.Page;
import io.chargebase.domain.tokens.BillingTarget;
import io.chargebase.domain.tokens.EmaId;
import io.chargebase.domain.tokens.Token;
import io.chargebase.domain.tokens.TokenChanged;
import io.chargebase.domain.tokens.TokenStatusChange;
import io.chargebase.domain.tokens.TokenType;
import io.chargebase.domain.tokens.TokenUid;
import io.chargebase.tenancy.TenantContext;

@Repository
public class TokenRows {

    private static final String COLUMNS = "id, uid, ema_id, type, status, expires_at, owner_profile_id, visual_number, billing, "
            + "created_at, updated_at";

    private final JdbcClient jdbc;

    TokenRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Token insert(UUID id, TokenUid uid, EmaId emaId, TokenType type, Instant expiresAt, UUID owner, String visual,
            BillingTarget billing) {
        return jdbc.sql("insert into token (tenant_id, id, uid, ema_id, type, expires_at, owner_profile_id, visual_number, billing) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning " + COLUMNS)
                .params(TenantContext.requireTenant().value(), id, uid.value(), emaId == null ? null : emaId.compact(), type.name(),
                        expiresAt == null ? null : Timestamp.from(expiresAt), owner, visual, billing.name())
                .query(TokenRows::token)
                .single();
    }

    public Optional<Token> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from token where id = ?").param(id).query(TokenRows::token).optional();
    }

    /** The tokens with these ids the current scope sees; one statement. */
    public java.util.List<Token> findAll(java.util.Collection<UUID> ids) {
        return jdbc.sql("select " + COLUMNS + " from token where id = any(?)").param(ids.toArray(UUID[]::new)).query(TokenRows::token).list();
    }

    public Optional<Token> findByUid(TokenUid uid) {
        return jdbc.sql("select " + COLUMNS + " from token where uid = ?").param(uid.value()).query(TokenRows::token).optional();
    }

    /** Which of these UIDs name a token the current scope sees. */
    public Set<TokenUid> existing(Collection<TokenUid> uids) {
        if (uids.isEmpty()) {
            return Set.of();
        }
        Set<TokenUid> found = new HashSet<>();
        jdbc.sql("select uid from token where uid = any(?)").param(uids.stream().map(TokenUid::value).toArray(String[]::new))
                .query((rs, row) -> found.add(new TokenUid(rs.getString("uid")))).list();
        return found;
    }

    public List<Token> ownedBy(UUID profileId) {
        return jdbc.sql("select " + COLUMNS + " from token where owner_profile_id = ? order by created_at, id")
                .param(profileId).query(TokenRows::token).list();
    }

    public Token update(UUID id, UUID owner, String visual, Instant expiresAt, BillingTarget billing) {
        return jdbc.sql("update token set owner_profile_id = ?, visual_number = ?, expires_at = ?, billing = ?, updated_at = now() "
                        + "where id = ? returning " + COLUMNS)
                .params(owner, visual, expiresAt == null ? null : Timestamp.from(expiresAt), billing.name(), id)
                .query(TokenRows::token)
                .single();
    }

    /**
     * Tells every instance, through PostgreSQL, that these tokens changed; delivered only if the transaction commits.
     * Payloads are {@code tenant:uid}.
     */
    public void notifyChanged(List<TokenUid> uids) {
        if (!uids.isEmpty()) {
            String tenant = TenantContext.requireTenant().toString();
            jdbc.sql("select count(pg_notify('" + TokenChanged.CHANNEL + "', ? || ':' || u)) from unnest(?::text[]) as u")
                    .params(tenant, uids.stream().map(TokenUid::value).toArray(String[]::new))
                    .query(Long.class).single();
        }
    }

    public Token setBlocked(UUID id, boolean blocked) {
        return jdbc.sql("update token set status = ?, updated_at = now() where id = ? returning " + COLUMNS)
                .params(blocked ? "BLOCKED" : "ACTIVE", id)
                .query(TokenRows::token)
                .single();
    }

    public void recordChange(UUID tokenId, String from, String to, String reason, String changedBy) {
        jdbc.sql("insert into token_status_change (tenant_id, id, token_id, from_status, to_status, reason, changed_by) values (?, ?, ?, ?, ?, ?, ?)")
                .params(TenantContext.requireTenant().value(), UUID.randomUUID(), tokenId, from, to, reason, changedBy)
                .update();
    }

    public Map<UUID, List<TokenStatusChange>> history(Collection<UUID> tokenIds) {
        Map<UUID, List<TokenStatusChange>> history = new LinkedHashMap<>();
        tokenIds.forEach(id -> history.put(id, new ArrayList<>()));
        if (!tokenIds.isEmpty()) {
            jdbc.sql("select token_id, from_status, to_status, reason, changed_by, changed_at from token_status_change "
                            + "where token_id = any(?) order by changed_at, id")
                    .param(tokenIds.toArray(UUID[]::new))
                    .query((rs, row) -> {
                        history.get(rs.getObject("token_id", UUID.class)).add(new TokenStatusChange(rs.getString("from_status"),
                                rs.getString("to_status"), rs.getString("reason"), rs.getString("changed_by"),
                                rs.getTimestamp("changed_at").toInstant()));
                        return null;
                    })
                    .list();
        }
        return history;
    }

    public Page<Token> search(String text, UUID owner, UUID afterId, int limit) {
        // EMA-IDs are stored without hyphens, so the text is searched without them too
        return SqlSearch.from("token", COLUMNS).containing(text == null ? null : text.replace("-", ""), "uid", "ema_id", "visual_number")
                .equal("owner_profile_id", owner).page(jdbc, afterId, limit, TokenRows::token);
    }

    /** A token ready for {@link #insertAll}. */
    public record NewRow(UUID id, TokenUid uid, EmaId emaId, TokenType type, Instant expiresAt, UUID owner, String visualNumber,
            BillingTarget billing) {
    }

    private static final int CHUNK = 5_000;

    /** Inserts many tokens, and their first history entries, with one statement per few thousand rows. */
    public void insertAll(List<NewRow> rows, String importedBy) {
        UUID tenant = TenantContext.requireTenant().value();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<NewRow> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            jdbc.sql("insert into token (tenant_id, id, uid, ema_id, type, expires_at, owner_profile_id, visual_number, billing) "
                            + "select ?, * from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::uuid[], ?::text[], ?::text[])")
                    .params(tenant,
                            chunk.stream().map(NewRow::id).toArray(UUID[]::new),
                            chunk.stream().map(row -> row.uid().value()).toArray(String[]::new),
                            chunk.stream().map(row -> row.emaId() == null ? null : row.emaId().compact()).toArray(String[]::new),
                            chunk.stream().map(row -> row.type().name()).toArray(String[]::new),
                            chunk.stream().map(row -> row.expiresAt() == null ? null : Timestamp.from(row.expiresAt())).toArray(Timestamp[]::new),
                            chunk.stream().map(NewRow::owner).toArray(UUID[]::new),
                            chunk.stream().map(NewRow::visualNumber).toArray(String[]::new),
                            chunk.stream().map(row -> row.billing().name()).toArray(String[]::new))
                    .update();
            jdbc.sql("insert into token_status_change (tenant_id, id, token_id, from_status, to_status, reason, changed_by) "
                            + "select ?, gen_random_uuid(), t, null, 'ACTIVE', 'Imported', ? from unnest(?::uuid[]) as t")
                    .params(tenant, importedBy, chunk.stream().map(NewRow::id).toArray(UUID[]::new))
                    .update();
        }
    }

    public List<String> existingUids(List<String> uids) {
        return uids.isEmpty() ? List.of() : jdbc.sql("select uid from token where uid = any(?)")
                .param(uids.toArray(String[]::new)).query(String.class).list();
    }

    public List<String> existingEmaIds(List<String> compactEmaIds) {
        return compactEmaIds.isEmpty() ? List.of() : jdbc.sql("select ema_id from token where ema_id = any(?)")
                .param(compactEmaIds.toArray(String[]::new)).query(String.class).list();
    }

    /** The visible profiles with these (lower-case) addresses. */
    public Map<String, UUID> profileIdsByEmail(List<String> lowerCaseEmails) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        if (!lowerCaseEmails.isEmpty()) {
            jdbc.sql("select lower(email) as email, id from profile where lower(email) = any(?)")
                    .param(lowerCaseEmails.toArray(String[]::new))
                    .query((rs, row) -> ids.put(rs.getString("email"), rs.getObject("id", UUID.class)))
                    .list();
        }
        return ids;
    }

    static Token token(ResultSet rs, int row) throws SQLException {
        String emaId = rs.getString("ema_id");
        Timestamp expires = rs.getTimestamp("expires_at");
        return new Token(
                rs.getObject("id", UUID.class),
                new TokenUid(rs.getString("uid")),
                emaId == null ? null : EmaId.parse("emaId", emaId),
                TokenType.valueOf(rs.getString("type")),
                "BLOCKED".equals(rs.getString("status")),
                expires == null ? null : expires.toInstant(),
                rs.getObject("owner_profile_id", UUID.class),
                rs.getString("visual_number"),
                BillingTarget.valueOf(rs.getString("billing")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
