package io.chargebase.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.support.AssetFixtures;
import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.StatementCounter;
import io.chargebase.api.support.TestDatabase;
import io.chargebase.domain.charging.ChargerEvents;
import io.chargebase.domain.charging.ChargerRef;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * The read benchmark of issue 16: 1,000,000 MSP CDRs (with their CPO CDRs and sessions) over 1,000 tenants, and a
 * closed-loop load of 16 connections on the 50 newest MSP CDRs of one tenant with their profile's name, and on the
 * portal's own {@code MspCdrs} and {@code ChargingSessions} documents at {@code first: 50}. Prints requests per
 * second, p50 and p99 latency, the CPU one request costs the server, the database and the load client, and the
 * statements and transactions it costs. The load comes from wrk when it is on the PATH (see {@link #WRK}). Not part
 * of the test run:
 * {@code ./mvnw -B -pl api -am -Pbenchmark verify -Dit.test=ReadBenchmarkIT} (options: {@code -Dread-benchmark.tenants},
 * {@code .cdrs-per-tenant}, {@code .seconds}, {@code .warm-up-seconds}, {@code .connections}).
 *
 * <p>The rows are made by the database itself: one real session is charged and rated through the domain, and the
 * others are copies of its rows made with {@code generate_series}, a statement per table, with foreign key triggers
 * off ({@code session_replication_role = replica}) for the other tenants' copies, which point at the first tenant's
 * locations and profiles: nobody reads them, they are there to make the tables and their indexes as large as a
 * thousand tenants would. Runs only against a database and a server on this machine's loopback.
 *
 * <p>With {@code -Dread-benchmark.postgraphile=true} it then measures PostGraphile 4 on the same rows, the same
 * database server and the same row-level security (see {@link #postGraphile}).
 */
class ReadBenchmarkIT extends IntegrationTest {

    static final int TENANTS = Integer.getInteger("read-benchmark.tenants", 1_000);
    static final int CDRS_PER_TENANT = Integer.getInteger("read-benchmark.cdrs-per-tenant", 1_000);
    static final int SECONDS = Integer.getInteger("read-benchmark.seconds", 30);
    static final int WARM_UP_SECONDS = Integer.getInteger("read-benchmark.warm-up-seconds", 30);
    static final int CONNECTIONS = Integer.getInteger("read-benchmark.connections", 16);
    static final int PROFILES = 50;

    static final String NEWEST = "query NewestMspCdrs { mspCdrs(first: 50) { edges { node { id cdrNumber startAt totalCost { inclVat } "
            + "profile { name } } } } }";

    /** What {@link #NEWEST} asks, as PostGraphile names it: the current (not superseded) CDRs, newest first. */
    static final String POSTGRAPHILE_NEWEST = "query NewestMspCdrs { allMspCdrs(first: 50, orderBy: START_AT_DESC, "
            + "condition: { supersededAt: null }) { nodes { id cdrNumber startAt totalCostInclVat profileByTenantIdAndProfileId { name } } } }";

    @Autowired
    ChargerEvents chargerEvents;

    @Test
    void readsTheNewestCdrsOfOneTenantAmongAThousand() throws Exception {
        TestDatabase.Target database = TestDatabase.get();
        refuseUnlessLocal(URI.create(database.url().substring("jdbc:".length())).getHost(), "database");
        refuseUnlessLocal(URI.create(baseUrl()).getHost(), "server");

        TestTenant tenant = aTenant();
        String admin = tokenOf(tenant);
        Instant began = Instant.now();
        aRatedSessionAndProfiles(tenant, admin);
        long rows;
        try (Connection owner = DriverManager.getConnection(database.url(), database.username(), database.password())) {
            rows = generate(owner, tenant.tenant().id().value());
        }
        System.out.printf("%nBENCHMARK read: %,d MSP CDRs (and as many CPO CDRs and sessions) over %,d tenants made in %,d s%n",
                rows, TENANTS, Duration.between(began, Instant.now()).toSeconds());

        List<String> results = new ArrayList<>();
        URI chargebase = URI.create(baseUrl() + "/graphql");
        results.add(run("one row: the current tenant (what any request costs)", chargebase, admin, GraphQl.load("tenant-portal/CurrentTenant"),
                Map.of(), true));
        results.add(run("50 newest MSP CDRs with the profile's name", chargebase, admin, NEWEST, null, true));
        results.add(run("tenant-portal/MspCdrs (first: 50)", chargebase, admin, GraphQl.load("tenant-portal/MspCdrs"), Map.of("first", 50), true));
        results.add(run("tenant-portal/ChargingSessions (first: 50)", chargebase, admin, GraphQl.load("tenant-portal/ChargingSessions"),
                Map.of("first", 50), true));
        if (Boolean.getBoolean("read-benchmark.postgraphile")) {
            results.add(postGraphile(database, tenant.tenant().id().value()));
        }
        System.out.printf("%nBENCHMARK read, %d connections, %d s each after %d s of warm-up:%n", CONNECTIONS, SECONDS, WARM_UP_SECONDS);
        results.forEach(System.out::println);
        System.out.println();
    }

    /** One session charged, stopped and rated through the domain: the rows every other row copies. */
    private void aRatedSessionAndProfiles(TestTenant tenant, String admin) {
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String tariff = created(admin, "tenant-portal/CreateTariff", Map.of("name", "Flat", "pricing", Map.of("kind", "DURATION_ENERGY",
                "connectionFee", "0.50", "pricePerKwh", "0.30", "pricePerMinute", "0.02", "vatPercent", "21")), "tariff");
        created(admin, "tenant-portal/CreateTariffPlan", Map.of("name", "Plan", "defaultTariffId", tariff, "activate", true, "rules", List.of()),
                "tariffPlan");
        String location = created(admin, "tenant-portal/CreateLocation", new HashMap<>(AssetFixtures.aLocation()), "location");
        JsonNode chargePoint = mutate(admin, "tenant-portal/RegisterChargePoint", Map.of("locationId", location, "ocppIdentity", "BENCH-CP",
                "vendor", "ACME", "model", "X1", "evses", List.of(AssetFixtures.anAcEvse("NL*BEN*E0001*1")))).path("chargePoint");
        ChargerRef charger = new ChargerRef(tenant.tenant().id(), GlobalId.decode(chargePoint.path("id").asString()).orElseThrow().id(),
                "BENCH-CP");
        for (int i = 0; i < PROFILES; i++) {
            String profile = created(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Driver " + i,
                    "email", "driver" + i + "@example.com"), "profile");
            if (i == 0) {
                created(admin, "tenant-portal/CreateToken", Map.of("uid", "BE0C0001", "type", "RFID", "ownerProfileId", profile), "token");
            }
        }
        Instant begin = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        TenantContext.runAs(TenantScope.of(tenant.tenant().id()), () -> {
            int transaction = chargerEvents.startTransaction(charger, new ChargerEvents.TransactionStart(1, "BE0C0001", 1_000, begin, null))
                    .transactionId();
            chargerEvents.meterValues(charger, 1, transaction, List.of(new ChargerEvents.MeterSample(begin.plus(10, ChronoUnit.MINUTES),
                    io.chargebase.domain.charging.Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, null, "Wh", BigDecimal.valueOf(3_000), "Sample.Periodic", "Outlet")));
            chargerEvents.stopTransaction(charger, new ChargerEvents.TransactionStop(transaction, "BE0C0001", 6_000,
                    begin.plus(20, ChronoUnit.MINUTES), io.chargebase.domain.charging.StopReason.EV_DISCONNECTED, List.of()));
        });
        JsonNode rated = graphQl().document(admin, "tenant-portal/MspCdrs", Map.of("first", 1)).data().path("mspCdrs").path("edges");
        assertThat(rated).as("the session's rated CDR").hasSize(1);
    }

    /**
     * Copies the one session, CPO CDR and MSP CDR {@link #CDRS_PER_TENANT} times for each of {@link #TENANTS} tenants
     * (the first being {@code tenant}, whose copies spread over its profiles and go back an hour each), in one
     * statement per table; returns the MSP CDRs there are then.
     */
    private static long generate(Connection owner, java.util.UUID tenant) throws SQLException {
        owner.setAutoCommit(false);
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(owner, true));
        try (Statement statement = owner.createStatement()) {
            statement.execute("set session_replication_role = replica");
            statement.execute("set local synchronous_commit = off");
        }
        jdbc.sql("create temp table bench_tenant (n integer primary key, id uuid not null) on commit drop").update();
        jdbc.sql("insert into bench_tenant select 0, ?").param(tenant).update();
        jdbc.sql("insert into bench_tenant select n, gen_random_uuid() from generate_series(1, ? - 1) n").param(TENANTS).update();
        jdbc.sql("create temp table bench_profile on commit drop as select row_number() over (order by id) - 1 as k, id from profile "
                + "where tenant_id = ?").param(tenant).update();
        copy(jdbc, "tenant", "t.n > 0 and c.id = ?", tenant, Map.of("id", "t.id", "slug", "'zz-bench-' || t.n", "name", "'Bench tenant ' || t.n"), false);
        // the copies' ids, numbers and times: the i-th copy of tenant n started i hours before the session
        String key = "t.n || ':' || i";
        String started = "c.start_at - i * interval '1 hour'";
        copy(jdbc, "cpo_cdr", "c.tenant_id = ?", tenant, Map.of("tenant_id", "t.id", "id", "md5('cpo:' || " + key + ")::uuid",
                "cdr_number", "'BENCH-' || t.n || '-' || i", "start_at", started, "end_at", "c.end_at - i * interval '1 hour'",
                "profile_id", "(select p.id from bench_profile p where p.k = i % " + PROFILES + ")",
                "session_id", "md5('session:' || " + key + ")::uuid", "created_at", "c.created_at - i * interval '1 hour'"), true);
        copy(jdbc, "msp_cdr", "c.tenant_id = ?", tenant, Map.of("tenant_id", "t.id", "id", "md5('msp:' || " + key + ")::uuid",
                "cdr_number", "'BENCH-' || t.n || '-' || i", "cpo_cdr_id", "md5('cpo:' || " + key + ")::uuid", "start_at", started,
                "end_at", "c.end_at - i * interval '1 hour'", "profile_id", "(select p.id from bench_profile p where p.k = i % " + PROFILES + ")",
                "rated_at", "c.rated_at - i * interval '1 hour'"), true);
        copy(jdbc, "charging_session", "c.tenant_id = ?", tenant, Map.ofEntries(Map.entry("tenant_id", "t.id"),
                Map.entry("id", "md5('session:' || " + key + ")::uuid"), Map.entry("transaction_id", "1000000000 + t.n * " + CDRS_PER_TENANT + " + i"),
                Map.entry("started_at", "c.started_at - i * interval '1 hour'"), Map.entry("stopped_at", "c.stopped_at - i * interval '1 hour'"),
                Map.entry("created_at", "c.created_at - i * interval '1 hour'"),
                Map.entry("profile_id", "(select p.id from bench_profile p where p.k = i % " + PROFILES + ")"),
                Map.entry("cpo_cdr_id", "md5('cpo:' || " + key + ")::uuid"), Map.entry("msp_cdr_id", "md5('msp:' || " + key + ")::uuid")), true);
        owner.commit();
        owner.setAutoCommit(true);
        for (String table : List.of("tenant", "cpo_cdr", "msp_cdr", "charging_session")) {
            jdbc.sql("analyze " + table).update();
        }
        return jdbc.sql("select count(*) from msp_cdr").query(Long.class).single();
    }

    /**
     * {@code insert into table select ...} of the rows of {@code table} that {@code where} picks ({@code c}; with
     * {@code tenant} as its parameter), once for each bench tenant ({@code t}) and, when {@code perCopy}, once for each
     * {@code i} of 1 to {@link #CDRS_PER_TENANT}: every column copied but those {@code set} gives an expression for.
     */
    private static void copy(JdbcClient jdbc, String table, String where, java.util.UUID tenant, Map<String, String> set, boolean perCopy) {
        List<String> columns = jdbc.sql("select column_name from information_schema.columns where table_schema = current_schema() "
                + "and table_name = ? and is_generated = 'NEVER' order by ordinal_position").param(table).query(String.class).list();
        List<String> values = columns.stream().map(column -> set.getOrDefault(column, "c." + column)).toList();
        String sql = "insert into " + table + " (" + String.join(", ", columns) + ") select " + String.join(", ", values)
                + " from " + table + " c cross join bench_tenant t"
                + (perCopy ? " cross join generate_series(1, " + CDRS_PER_TENANT + ") i" : "") + " where " + where;
        long start = System.nanoTime();
        int inserted = jdbc.sql(sql).param(tenant).update();
        System.out.printf("BENCHMARK read: %,d rows into %s in %,d ms%n", inserted, table, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Warm-up, then {@link #CONNECTIONS} callers sending the request back to back for {@link #SECONDS}; one line of
     * figures, with the statements and transactions of one request when {@code counted} (this server's).
     */
    private String run(String name, URI endpoint, String token, String query, Map<String, Object> variables, boolean counted)
            throws InterruptedException {
        return run(name, endpoint, token, query, variables, counted, null);
    }

    /** {@code server}: the process serving the requests when it is not this JVM (whose CPU then counts as the client's). */
    private String run(String name, URI endpoint, String token, String query, Map<String, Object> variables, boolean counted,
            ProcessHandle server) throws InterruptedException {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables == null ? Map.of() : variables);
        String json = GraphQl.JSON.writeValueAsString(body);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> probe = http.send(request, HttpResponse.BodyHandlers.ofString());
            // every workload reads the generated rows, but the one-row baseline, which reads the tenant
            String expected = query.contains("currentTenant") ? "\"currentTenant\":{\"id\"" : "BENCH-0-";
            assertThat(probe.body()).as(name).doesNotContain("\"errors\"").contains(expected);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (WRK) {
            wrk(endpoint, headers, json, WARM_UP_SECONDS);
        } else {
            load(http, request, WARM_UP_SECONDS);
        }
        String cost = "";
        if (counted) {
            StatementCounter.Cost one = StatementCounter.steady(() -> graphQl().query(token, query, variables == null ? Map.of() : variables));
            cost = String.format("   %d statements, %d transactions per request", one.statements(), one.transactions());
        }
        long jvmBefore = CpuTime.of(ProcessHandle.current().pid());
        long serverBefore = server == null ? 0 : CpuTime.of(server.pid());
        long databaseBefore = CpuTime.ofCommand("postgres");
        if (WRK) {
            long wrkBefore = CpuTime.ofWaitedForChildren();
            Wrk measured = wrk(endpoint, headers, json, SECONDS);
            double requests = measured.requests();
            double serverCpu = (server == null ? CpuTime.of(ProcessHandle.current().pid()) - jvmBefore : CpuTime.of(server.pid()) - serverBefore) / requests;
            double database = (CpuTime.ofCommand("postgres") - databaseBefore) / requests;
            double loadCpu = (CpuTime.ofWaitedForChildren() - wrkBefore) / requests;
            assertThat(measured.failed()).as(name + ": failed requests (not 200, or with errors)").isZero();
            return line(name, measured.perSecond(), measured.p50Ms(), measured.p99Ms(), cost,
                    String.format("   CPU per request: %.2f ms server, %.2f ms database, %.2f ms load (wrk)", serverCpu, database, loadCpu));
        }
        Load measured = load(http, request, SECONDS);
        double requests = measured.latencies().length;
        double jvm = (CpuTime.of(ProcessHandle.current().pid()) - jvmBefore) / requests;
        double database = (CpuTime.ofCommand("postgres") - databaseBefore) / requests;
        String cpu = server == null
                ? String.format("   CPU per request: %.2f ms here (server and load), %.2f ms database", jvm, database)
                : String.format("   CPU per request: %.2f ms server, %.2f ms database, %.2f ms load", (CpuTime.of(server.pid()) - serverBefore) / requests,
                        database, jvm);
        assertThat(measured.failures()).as(name + ": failed requests").isZero();
        long[] sorted = measured.latencies();
        Arrays.sort(sorted);
        return line(name, sorted.length / (double) SECONDS, percentile(sorted, 50), percentile(sorted, 99), cost, cpu);
    }

    private static String line(String name, double perSecond, double p50Ms, double p99Ms, String cost, String cpu) {
        return String.format("  %-45s %,8.1f req/s   p50 %,7.1f ms   p99 %,7.1f ms%s%s", name, perSecond, p50Ms, p99Ms, cost, cpu);
    }

    /**
     * CPU time in milliseconds, user and system, from {@code /proc} (Linux; 0 elsewhere): throughput on a shared machine
     * varies from run to run with what the neighbours do, the CPU a request costs much less.
     */
    static final class CpuTime {

        private static final double MS_PER_TICK = 10.0; // USER_HZ is 100 on Linux

        private CpuTime() {
        }

        static long of(long pid) {
            return ticks(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
        }

        /** This JVM's children that have exited and been waited for (wrk, once its run is over). */
        static long ofWaitedForChildren() {
            String text = read(java.nio.file.Path.of("/proc/self/stat"));
            int close = text.lastIndexOf(')');
            if (close < 0) {
                return 0;
            }
            // cutime and cstime are fields 16 and 17
            String[] fields = text.substring(close + 2).split(" ");
            return fields.length < 15 ? 0 : Math.round((Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * MS_PER_TICK);
        }

        /** Every process of that command: the database server's backends and its own processes. */
        static long ofCommand(String command) {
            try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                return processes.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
                        .map(dir -> dir.resolve("stat")).filter(stat -> command.equals(commandOf(stat))).mapToLong(CpuTime::ticks).sum();
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                return 0;
            }
        }

        private static String commandOf(java.nio.file.Path stat) {
            String text = read(stat);
            int open = text.indexOf('(');
            int close = text.lastIndexOf(')');
            return open < 0 || close < open ? "" : text.substring(open + 1, close);
        }

        private static long ticks(java.nio.file.Path stat) {
            String text = read(stat);
            int close = text.lastIndexOf(')');
            if (close < 0) {
                return 0;
            }
            // after the command: state is field 3, utime and stime are fields 14 and 15
            String[] fields = text.substring(close + 2).split(" ");
            return fields.length < 13 ? 0 : Math.round((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MS_PER_TICK);
        }

        private static String read(java.nio.file.Path stat) {
            try {
                return java.nio.file.Files.readString(stat);
            } catch (java.io.IOException gone) {
                return "";
            }
        }
    }

    /**
     * The child's output goes to {@code target/postgraphile.log}, its input comes from nowhere: a Node child sharing
     * the test JVM's standard streams makes them non-blocking, which breaks the channels Failsafe talks to its forked
     * JVM on ("std/in stream corrupted", and the build fails although every test passed).
     */
    private static ProcessBuilder withOutputLogged(ProcessBuilder builder) {
        java.io.File log = new java.io.File("target/postgraphile.log").getAbsoluteFile();
        return builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).redirectError(ProcessBuilder.Redirect.appendTo(log));
    }

    /**
     * PostGraphile 4 on the same rows and server, reading as the application role under the same row-level security
     * for the same tenant ({@code src/test/postgraphile}; installed from npm on first use), with the query that asks it
     * what the first workload asks Chargebase; Chargebase's server keeps running meanwhile, idle.
     */
    private String postGraphile(TestDatabase.Target database, java.util.UUID tenant) throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("src/test/postgraphile").toAbsolutePath();
        if (!java.nio.file.Files.isDirectory(dir.resolve("node_modules/postgraphile"))) {
            Process install = withOutputLogged(new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(dir.toFile())).start();
            assertThat(install.waitFor(10, java.util.concurrent.TimeUnit.MINUTES) && install.exitValue() == 0)
                    .as("npm install postgraphile (its output: target/postgraphile.log)").isTrue();
        }
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        URI jdbc = URI.create(database.url().substring("jdbc:".length()));
        ProcessBuilder server = withOutputLogged(new ProcessBuilder("node", "server.js").directory(dir.toFile()));
        server.environment().put("DATABASE_URL", "postgres://" + database.username() + "@" + jdbc.getHost() + ":" + jdbc.getPort() + jdbc.getPath());
        server.environment().put("TENANT_ID", tenant.toString());
        server.environment().put("PORT", Integer.toString(port));
        Process process = server.start();
        try {
            URI endpoint = URI.create("http://127.0.0.1:" + port + "/graphql");
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest ping = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")).build();
            org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> http.send(ping, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
            return run("PostGraphile 4: the same 50 newest", endpoint, null, POSTGRAPHILE_NEWEST, null, false, process.toHandle());
        } finally {
            process.destroy();
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private record Load(long[] latencies, long failures) {
    }

    /**
     * The load comes from wrk when it is on the PATH, as the issue measured ({@code wrk -t2 -c16}): a load client in C
     * costs the server's two cores a fraction of what one in this JVM does. {@code -Dread-benchmark.load=java} loads from
     * this JVM instead.
     */
    static final boolean WRK = !"java".equals(System.getProperty("read-benchmark.load")) && onPath("wrk");

    private static boolean onPath(String command) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, command)));
    }

    /** {@code failed}: answers that were not 200 or carried errors, and socket errors. */
    private record Wrk(long requests, double perSecond, double p50Ms, double p99Ms, long failed) {
    }

    /** wrk, two threads and {@link #CONNECTIONS} connections, POSTing {@code body}; its script counts every failed answer. */
    private static Wrk wrk(URI endpoint, Map<String, String> headers, String body, int seconds) {
        try {
            java.nio.file.Path script = java.nio.file.Files.createTempFile("read-benchmark", ".lua");
            StringBuilder lua = new StringBuilder("wrk.method = \"POST\"\nwrk.body = [==[" + body + "]==]\n");
            headers.forEach((header, value) -> lua.append("wrk.headers[\"").append(header).append("\"] = [==[").append(value).append("]==]\n"));
            lua.append("""
                    local threads = {}
                    function setup(thread) table.insert(threads, thread) end
                    function init(args) failed = 0 end
                    function response(status, headers, body)
                      if status ~= 200 or string.find(body, '"errors"', 1, true) then failed = failed + 1 end
                    end
                    function done(summary, latency, requests)
                      local total = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
                      for _, thread in ipairs(threads) do total = total + thread:get("failed") end
                      io.write(string.format("WRK requests=%d micros=%d p50=%d p99=%d failed=%d\\n", summary.requests, summary.duration,
                        latency:percentile(50), latency:percentile(99), total))
                    end
                    """);
            java.nio.file.Files.writeString(script, lua);
            Process process = new ProcessBuilder("wrk", "-t2", "-c" + CONNECTIONS, "-d" + seconds + "s", "--timeout", "10s", "-s", script.toString(),
                    endpoint.toString()).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as("wrk: " + output).isZero();
            java.nio.file.Files.delete(script);
            java.util.regex.Matcher figures = java.util.regex.Pattern.compile("WRK requests=(\\d+) micros=(\\d+) p50=(\\d+) p99=(\\d+) failed=(\\d+)")
                    .matcher(output);
            assertThat(figures.find()).as("wrk's figures in: " + output).isTrue();
            long requests = Long.parseLong(figures.group(1));
            return new Wrk(requests, requests / (Long.parseLong(figures.group(2)) / 1e6), Long.parseLong(figures.group(3)) / 1e3,
                    Long.parseLong(figures.group(4)) / 1e3, Long.parseLong(figures.group(5)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Load load(HttpClient http, HttpRequest request, int seconds) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<long[]> perCaller = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        List<Thread> callers = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            long[][] mine = {new long[1024]};
            int[] count = {0};
            callers.add(Thread.ofPlatform().name("read-benchmark-" + c).start(() -> {
                while (System.nanoTime() < until) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                            failures.incrementAndGet();
                        }
                    } catch (java.io.IOException e) {
                        failures.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    if (count[0] == mine[0].length) {
                        mine[0] = Arrays.copyOf(mine[0], mine[0].length * 2);
                    }
                    mine[0][count[0]++] = System.nanoTime() - start;
                }
                synchronized (perCaller) {
                    perCaller.add(Arrays.copyOf(mine[0], count[0]));
                }
            }));
        }
        for (Thread caller : callers) {
            caller.join();
        }
        return new Load(perCaller.stream().flatMapToLong(Arrays::stream).toArray(), failures.get());
    }

    private static double percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(sorted.length * percent / 100.0) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** Load goes only to this machine (the workplace watches for anything else). */
    static void refuseUnlessLocal(String host, String what) {
        try {
            if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
                throw new IllegalStateException("The read benchmark runs only against a " + what + " on a loopback address, not " + host);
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException("The read benchmark runs only against a " + what + " on a loopback address, not " + host, e);
        }
    }

    private String created(String admin, String document, Map<String, ?> input, String field) {
        JsonNode payload = mutate(admin, document, input);
        assertThat(payload.path("userErrors")).as(document + ": " + payload).isEmpty();
        return payload.path(field).path("id").asString();
    }
}
