package io.chargebase.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.TestDatabase;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * Reads PostgreSQL's catalogue: the tenant tables are ready to be distributed by {@code tenant_id} on Citus
 * (README, "Running on Citus"). Every table with a tenant_id column is such a table unless it is named below as one
 * that stays whole on every node (a reference table) or on the coordinator, with the reason. For a distributed
 * table, Citus needs tenant_id in the primary key, in every unique constraint or unique index and in both column
 * lists of every foreign key to another distributed table; tables that are not distributed may not reference one.
 * A new table that misses any of this fails here, and the message names the table, the constraint and the fix.
 */
class DistributionReadinessCatalogueIT extends IntegrationTest {

    /**
     * Tables with a tenant_id that are not distributed, and why. Tables without a tenant_id (tenant, platform_user,
     * ocpp_instance) are platform data and reference tables too; they need no entry.
     */
    static final Map<String, String> NOT_DISTRIBUTED = Map.of(
            "tenant_domain", "reference table: a host routes to one tenant across the platform, so it is unique by host "
                    + "alone and is read before any tenant is known",
            "oauth2_registered_client", "reference table: the platform issuer's clients have no tenant (tenant_id null), "
                    + "and a distribution column cannot be null; a few rows per tenant",
            "signing_key", "reference table: the platform issuer's keys have no tenant (tenant_id null); a few rows per tenant",
            "oauth2_authorization", "stays on the coordinator (a Citus local table): the platform issuer's authorizations "
                    + "have no tenant, it is written at every token issue and refresh (too often for a reference table), "
                    + "and nothing distributed joins or references it");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private Catalogue catalogue;

    @BeforeEach
    void readCatalogue() throws SQLException {
        try (Connection owner = ownerConnection()) {
            catalogue = Catalogue.read(owner, "public");
        }
    }

    @Test
    void theCatalogueIsReadAndTheExceptionsStillExist() {
        assertThat(catalogue.distributed()).as("distributed tenant tables").contains("organisation_unit", "profile",
                "charge_point", "charging_session", "meter_value", "msp_cdr", "ocpp_connection");
        assertThat(catalogue.tenantTables()).as("every table named as not distributed exists and has a tenant_id")
                .containsAll(NOT_DISTRIBUTED.keySet());
    }

    @Test
    void everyDistributedTableHasANonNullTenantIdLeadingItsPrimaryKey() {
        assertThat(catalogue.primaryKeyProblems()).as(report("primary keys")).isEmpty();
    }

    @Test
    void everyUniqueConstraintAndUniqueIndexOfADistributedTableIncludesTenantId() {
        assertThat(catalogue.uniqueProblems()).as(report("unique constraints and indexes")).isEmpty();
    }

    @Test
    void everyForeignKeyBetweenDistributedTablesPairsTenantIdWithTenantId() {
        assertThat(catalogue.foreignKeyProblems()).as(report("foreign keys")).isEmpty();
    }

    @Test
    void tablesThatAreNotReadyAreNamedWithTheConstraintAndTheFix() throws SQLException {
        String schema = "citus_check_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection owner = ownerConnection(); Statement statement = owner.createStatement()) {
            statement.execute("create schema " + schema);
            try {
                statement.execute("create table " + schema + ".parent (tenant_id uuid, id uuid primary key, email text unique)");
                statement.execute("create table " + schema + ".child (tenant_id uuid not null, id uuid not null, code text, "
                        + "parent_id uuid references " + schema + ".parent (id), primary key (id, tenant_id))");
                statement.execute("create unique index child_code on " + schema + ".child (lower(code))");
                statement.execute("create table " + schema + ".platform_note (id uuid primary key, child_tenant uuid, child_id uuid, "
                        + "foreign key (child_tenant, child_id) references " + schema + ".child (tenant_id, id))");
                Catalogue scratch = Catalogue.read(owner, schema);

                assertThat(scratch.primaryKeyProblems()).satisfiesExactlyInAnyOrder(
                        problem -> assertThat(problem).isEqualTo("parent: tenant_id allows null; a distribution column cannot: make it NOT NULL"),
                        problem -> assertThat(problem).isEqualTo("parent: primary key parent_pkey [id] does not include tenant_id: make it (tenant_id, id)"),
                        problem -> assertThat(problem).isEqualTo("child: primary key child_pkey [id, tenant_id] does not start with tenant_id: put tenant_id first"));
                assertThat(scratch.uniqueProblems()).satisfiesExactlyInAnyOrder(
                        problem -> assertThat(problem).startsWith("child: unique index child_code (CREATE UNIQUE INDEX child_code ON " + schema
                                + ".child USING btree (lower(code))) does not include tenant_id"),
                        problem -> assertThat(problem).startsWith("parent: unique index parent_email_key (").contains("does not include tenant_id"));
                assertThat(scratch.foreignKeyProblems()).satisfiesExactlyInAnyOrder(
                        problem -> assertThat(problem).startsWith("child: foreign key child_parent_id_fkey (FOREIGN KEY (parent_id) REFERENCES "
                                + schema + ".parent(id)) to parent does not match tenant_id with tenant_id"),
                        problem -> assertThat(problem).startsWith("platform_note: foreign key platform_note_child_tenant_child_id_fkey (")
                                .contains("points from a table that is not distributed to the distributed child"));
            } finally {
                statement.execute("drop schema " + schema + " cascade");
            }
        }
    }

    @Test
    void aLookupByIdAloneIsServedByTheTenantLedPrimaryKeyUnderRowLevelSecurity() throws SQLException {
        // Queries name an id and leave the tenant to the policy: the policy's tenant_id = … and the id together must
        // reach the primary key's index, or every lookup reads all of the tenant's rows. A tenant with a few hundred
        // rows in the hot tables, and fresh statistics, make the planner choose as it would in production.
        TestTenant tenant = aTenant();
        UUID tenantId = tenant.tenant().id().value();
        try (Connection owner = ownerConnection(); Statement statement = owner.createStatement()) {
            String id = "'" + tenantId + "'";
            statement.execute("insert into location (tenant_id, id, name, street, city, country, latitude, longitude, time_zone, access) "
                    + "values (" + id + ", gen_random_uuid(), 'Plan check', 'Street 1', 'City', 'NL', 52, 4, 'Europe/Amsterdam', 'PUBLIC')");
            statement.execute("insert into charge_point (tenant_id, id, location_id, ocpp_identity) select " + id + ", gen_random_uuid(), "
                    + "(select l.id from location l where l.tenant_id = " + id + "), 'PLAN-' || g from generate_series(1, 300) g");
            statement.execute("insert into charging_session (tenant_id, id, charge_point_id, status, created_at) select tenant_id, "
                    + "gen_random_uuid(), id, 'FINISHED', now() from charge_point where tenant_id = " + id);
            statement.execute("insert into token (tenant_id, id, uid, type) select " + id + ", gen_random_uuid(), "
                    + "upper(substr(md5(g::text), 1, 8)), 'RFID' from generate_series(1, 300) g");
            statement.execute("with unit as (select gen_random_uuid() as id) insert into organisation_unit (tenant_id, id, parent_id, name, path) "
                    + "select " + id + ", unit.id, null, 'Root', '/' || unit.id || '/' from unit "
                    + "where not exists (select 1 from organisation_unit u where u.tenant_id = " + id + " and u.parent_id is null)");
            statement.execute("insert into profile (tenant_id, id, organisation_unit_id, name, email) select " + id + ", gen_random_uuid(), "
                    + "(select u.id from organisation_unit u where u.tenant_id = " + id + " and u.parent_id is null), 'P' || g, "
                    + "'p' || g || '@plan.example' from generate_series(1, 300) g");
            statement.execute("analyze location, charge_point, charging_session, token, profile");
        }
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        for (String table : List.of("charge_point", "charging_session", "token", "profile")) {
            String plan = TenantContext.callAs(TenantScope.of(tenant.tenant().id()), () -> transactions.execute(status ->
                    String.join("\n", jdbc.sql("explain select * from " + table + " where id = '" + UUID.randomUUID() + "'")
                            .query(String.class).list())));
            assertThat(plan).as(table + " looked up by id under the tenant's policy:\n" + plan)
                    .contains("Index Scan using " + table + "_pkey on " + table)
                    .containsPattern("Index Cond: \\(\\(tenant_id = .*app\\.tenant_id.*\\) AND \\(id = ");
        }
    }

    private static String report(String what) {
        return "Citus readiness of " + what + " (fix the table with a new changeset; README \"Running on Citus\"; not distributed on "
                + "purpose: " + new TreeMap<>(NOT_DISTRIBUTED).keySet() + ")";
    }

    private static Connection ownerConnection() throws SQLException {
        TestDatabase.Target database = TestDatabase.get();
        return DriverManager.getConnection(database.url(), database.username(), database.password());
    }

    record Index(String table, String name, boolean primary, boolean unique, boolean exclusion, List<String> columns, String definition) {

        boolean includesTenantId() {
            return columns.contains("tenant_id");
        }

        boolean leadsWithTenantId() {
            return !columns.isEmpty() && columns.getFirst().equals("tenant_id");
        }
    }

    record ForeignKey(String table, String name, String referenced, List<String> columns, List<String> referencedColumns, String definition) {

        boolean pairsTenantIdWithTenantId() {
            int at = columns.indexOf("tenant_id");
            return at >= 0 && "tenant_id".equals(referencedColumns.get(at));
        }
    }

    record Catalogue(Set<String> tenantTables, Set<String> tenantIdNotNull, List<Index> indexes, List<ForeignKey> foreignKeys) {

        Set<String> distributed() {
            Set<String> distributed = new TreeSet<>(tenantTables);
            distributed.removeAll(NOT_DISTRIBUTED.keySet());
            return distributed;
        }

        List<String> primaryKeyProblems() {
            List<String> problems = new ArrayList<>();
            for (String table : distributed()) {
                if (!tenantIdNotNull.contains(table)) {
                    problems.add(table + ": tenant_id allows null; a distribution column cannot: make it NOT NULL");
                }
                Index primaryKey = indexes.stream().filter(index -> index.table().equals(table) && index.primary()).findFirst().orElse(null);
                if (primaryKey == null) {
                    problems.add(table + ": has no primary key; give it one that starts with tenant_id, e.g. (tenant_id, id)");
                } else if (!primaryKey.includesTenantId()) {
                    problems.add(table + ": primary key " + primaryKey.name() + " " + primaryKey.columns()
                            + " does not include tenant_id: make it (tenant_id, " + String.join(", ", primaryKey.columns()) + ")");
                } else if (!primaryKey.leadsWithTenantId()) {
                    // RLS adds tenant_id = … to every query, so a key led by tenant_id serves a lookup by id alone.
                    problems.add(table + ": primary key " + primaryKey.name() + " " + primaryKey.columns()
                            + " does not start with tenant_id: put tenant_id first");
                }
            }
            return problems;
        }

        List<String> uniqueProblems() {
            List<String> problems = new ArrayList<>();
            for (Index index : indexes) {
                if (distributed().contains(index.table()) && (index.unique() || index.exclusion()) && !index.primary()
                        && !index.includesTenantId()) {
                    problems.add(index.table() + ": " + (index.exclusion() ? "exclusion constraint " : "unique index ") + index.name()
                            + " (" + index.definition() + ") does not include tenant_id: make it unique per tenant, tenant_id first");
                }
            }
            return problems;
        }

        List<String> foreignKeyProblems() {
            List<String> problems = new ArrayList<>();
            for (ForeignKey key : foreignKeys) {
                boolean from = distributed().contains(key.table());
                boolean to = distributed().contains(key.referenced());
                if (from && to && !key.pairsTenantIdWithTenantId()) {
                    problems.add(key.table() + ": foreign key " + key.name() + " (" + key.definition() + ") to " + key.referenced()
                            + " does not match tenant_id with tenant_id: make it (tenant_id, …) REFERENCES " + key.referenced() + " (tenant_id, …)");
                }
                if (!from && to) {
                    problems.add(key.table() + ": foreign key " + key.name() + " (" + key.definition() + ") points from a table that is not"
                            + " distributed to the distributed " + key.referenced() + ": Citus supports no such key; drop it or distribute "
                            + key.table());
                }
            }
            return problems;
        }

        /** The tables of one schema (the application's is public). */
        static Catalogue read(Connection connection, String schema) throws SQLException {
            Set<String> tenantTables = new TreeSet<>();
            Set<String> notNull = new TreeSet<>();
            try (ResultSet rows = connection.createStatement().executeQuery("""
                    select c.relname, a.attnotnull from pg_class c
                    join pg_namespace n on n.oid = c.relnamespace
                    join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                    where n.nspname = '%s' and c.relkind in ('r', 'p')""".formatted(schema))) {
                while (rows.next()) {
                    tenantTables.add(rows.getString(1));
                    if (rows.getBoolean(2)) {
                        notNull.add(rows.getString(1));
                    }
                }
            }
            List<Index> indexes = new ArrayList<>();
            // Unique indexes (whether behind a constraint or not, partial or on expressions: an expression's column
            // reads as none) and exclusion constraints; columns by name in key order.
            try (ResultSet rows = connection.createStatement().executeQuery("""
                    select c.relname, ic.relname, i.indisprimary, i.indisunique,
                           exists (select 1 from pg_constraint x where x.conindid = i.indexrelid and x.contype = 'x'),
                           array(select coalesce(a.attname, '(expression)') from unnest(i.indkey::int2[]) with ordinality k(attnum, position)
                                 left join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
                                 where k.position <= i.indnkeyatts order by k.position),
                           pg_get_indexdef(i.indexrelid)
                    from pg_index i
                    join pg_class c on c.oid = i.indrelid
                    join pg_class ic on ic.oid = i.indexrelid
                    join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = '%s' and c.relkind in ('r', 'p')
                    order by 1, 2""".formatted(schema))) {
                while (rows.next()) {
                    indexes.add(new Index(rows.getString(1), rows.getString(2), rows.getBoolean(3), rows.getBoolean(4), rows.getBoolean(5),
                            names(rows.getArray(6)), rows.getString(7)));
                }
            }
            List<ForeignKey> keys = new ArrayList<>();
            try (ResultSet rows = connection.createStatement().executeQuery("""
                    select c.relname, k.conname, r.relname,
                           array(select a.attname from unnest(k.conkey) with ordinality u(attnum, position)
                                 join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum order by u.position),
                           array(select a.attname from unnest(k.confkey) with ordinality u(attnum, position)
                                 join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.attnum order by u.position),
                           pg_get_constraintdef(k.oid)
                    from pg_constraint k
                    join pg_class c on c.oid = k.conrelid
                    join pg_class r on r.oid = k.confrelid
                    join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = '%s' and k.contype = 'f'
                    order by 1, 2""".formatted(schema))) {
                while (rows.next()) {
                    keys.add(new ForeignKey(rows.getString(1), rows.getString(2), rows.getString(3), names(rows.getArray(4)),
                            names(rows.getArray(5)), rows.getString(6)));
                }
            }
            return new Catalogue(tenantTables, notNull, indexes, keys);
        }

        private static List<String> names(Array array) throws SQLException {
            return Arrays.asList((String[]) array.getArray());
        }
    }
}
