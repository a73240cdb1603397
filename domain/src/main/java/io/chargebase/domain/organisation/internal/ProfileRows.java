package io.chargebase.domain.organisation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.organisation.EmailAddress;
import io.chargebase.domain.organisation.OuPath;
import io.chargebase.domain.Page;
import io.chargebase.domain.organisation.PhoneNumber;
import io.chargebase.domain.organisation.Profile;
import io.chargebase.domain.organisation.ProfileQuery;
import io.chargebase.domain.organisation.ProfileStatus;
import io.chargebase.tenancy.TenantContext;

@Repository
public class ProfileRows {

    private static final String COLUMNS = "p.id, p.organisation_unit_id, p.name, p.email, p.phone, p.status, "
            + "p.external_reference, p.created_at, p.updated_at";

    private final JdbcClient jdbc;

    ProfileRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Profile> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from profile p where p.id = ?")
                .param(id)
                .query(ProfileRows::profile)
                .optional();
    }

    public Map<UUID, Profile> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select " + COLUMNS + " from profile p where p.id = any(?)")
                .param(ids.toArray(UUID[]::new))
                .query(ProfileRows::profile)
                .stream()
                .collect(Collectors.toMap(Profile::id, Function.identity()));
    }

    public Page<Profile> search(OuPath subtree, String text, ProfileStatus status, ProfileQuery.ProfileCursor after, int limit) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (subtree != null) {
            where.append(" and ou.path like ?");
            params.add(subtree.subtreePattern());
        }
        if (text != null) {
            where.append(" and (p.name ilike ? or p.email ilike ? or p.phone ilike ? or p.external_reference ilike ?)");
            String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.addAll(List.of(pattern, pattern, pattern, pattern));
        }
        if (status != null) {
            where.append(" and p.status = ?");
            params.add(status.name());
        }
        String from = " from profile p join organisation_unit ou on ou.tenant_id = p.tenant_id and ou.id = p.organisation_unit_id";
        long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();

        List<Object> pageParams = new ArrayList<>(params);
        String keyset = "";
        if (after != null) {
            keyset = " and (lower(p.name), p.id) > (lower(?), ?)";
            pageParams.add(after.name());
            pageParams.add(after.id());
        }
        pageParams.add(limit + 1);
        List<Profile> rows = jdbc.sql("select " + COLUMNS + from + where + keyset + " order by lower(p.name), p.id limit ?")
                .params(pageParams)
                .query(ProfileRows::profile)
                .list();
        boolean more = rows.size() > limit;
        return new Page<>(more ? rows.subList(0, limit) : rows, more, total);
    }

    public Profile insert(UUID id, UUID ou, String name, EmailAddress email, PhoneNumber phone, String reference) {
        return jdbc.sql("insert into profile as p (tenant_id, id, organisation_unit_id, name, email, phone, external_reference) "
                        + "values (?, ?, ?, ?, ?, ?, ?) returning " + COLUMNS)
                .params(TenantContext.requireTenant().value(), id, ou, name, email.value(), text(phone), reference)
                .query(ProfileRows::profile)
                .single();
    }

    public Profile update(UUID id, UUID ou, String name, EmailAddress email, PhoneNumber phone, String reference) {
        return jdbc.sql("update profile p set organisation_unit_id = ?, name = ?, email = ?, phone = ?, external_reference = ?, "
                        + "updated_at = now() where p.id = ? returning " + COLUMNS)
                .params(ou, name, email.value(), text(phone), reference, id)
                .query(ProfileRows::profile)
                .single();
    }

    public Profile setStatus(UUID id, ProfileStatus status) {
        return jdbc.sql("update profile p set status = ?, updated_at = now() where p.id = ? returning " + COLUMNS)
                .params(status.name(), id)
                .query(ProfileRows::profile)
                .single();
    }

    /** A row ready for {@link #insertAll}. */
    public record NewRow(UUID id, UUID organisationUnitId, String name, String email, String phone, String externalReference) {
    }

    private static final int CHUNK = 5_000;

    /** Inserts many profiles with one statement per few thousand rows. */
    public void insertAll(List<NewRow> newRows) {
        UUID tenant = TenantContext.requireTenant().value();
        for (int from = 0; from < newRows.size(); from += CHUNK) {
            List<NewRow> chunk = newRows.subList(from, Math.min(newRows.size(), from + CHUNK));
            jdbc.sql("insert into profile (tenant_id, id, organisation_unit_id, name, email, phone, external_reference) "
                            + "select ?, * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[])")
                    .params(tenant,
                            chunk.stream().map(NewRow::id).toArray(UUID[]::new),
                            chunk.stream().map(NewRow::organisationUnitId).toArray(UUID[]::new),
                            chunk.stream().map(NewRow::name).toArray(String[]::new),
                            chunk.stream().map(NewRow::email).toArray(String[]::new),
                            chunk.stream().map(NewRow::phone).toArray(String[]::new),
                            chunk.stream().map(NewRow::externalReference).toArray(String[]::new))
                    .update();
        }
    }

    /** Which of these (lower-case) addresses already have a profile the caller can see. */
    public List<String> existingEmails(List<String> lowerCaseEmails) {
        if (lowerCaseEmails.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select lower(email) from profile where lower(email) = any(?)")
                .param(lowerCaseEmails.toArray(String[]::new)).query(String.class).list();
    }

    public List<String> existingReferences(List<String> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select external_reference from profile where external_reference = any(?)")
                .param(references.toArray(String[]::new)).query(String.class).list();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    static Profile profile(ResultSet rs, int row) throws SQLException {
        String phone = rs.getString("phone");
        return new Profile(
                rs.getObject("id", UUID.class),
                rs.getObject("organisation_unit_id", UUID.class),
                rs.getString("name"),
                new EmailAddress(rs.getString("email")),
                phone == null ? null : new PhoneNumber(phone),
                ProfileStatus.valueOf(rs.getString("status")),
                rs.getString("external_reference"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
