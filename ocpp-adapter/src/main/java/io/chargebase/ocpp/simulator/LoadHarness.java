package io.chargebase.ocpp.simulator;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Many simulated chargers over real sockets against a running Chargebase: registers them (two EVSEs and two RFID
 * tokens each) through the GraphQL API, connects them at a steady pace and keeps them alive with heartbeats, starts a
 * session on connector 1 of each (Authorize, StartTransaction, at a steady pace), then sends MeterValues at a target
 * total rate for a while; meanwhile, at a lower steady rate, drivers start and stop short sessions on connector 2, so
 * that Authorize and StartTransaction are also measured under the MeterValues load. Finally it stops the sessions and
 * prints what it measured: chargers connected, MeterValues answered per second, and latency percentiles; and, read
 * back through GraphQL, whether every MeterValues that was answered is stored.
 *
 * <p>Every message is sent when its time comes (open loop), not when the previous answer arrived, so a slow server
 * shows as latency instead of hiding as a lower rate.
 *
 * <pre>--http http://localhost:8080 --tenant demo --client demo-integration --secret demo-secret --chargers 1000
 * --connects-per-second 200 --starts-per-second 200 --meter-values-per-second 500 --probes-per-second 20 --seconds 60
 * --heartbeat-seconds 30</pre>
 */
public final class LoadHarness {

    /** A GraphQL request unanswered this long fails (its read counts as unread) instead of holding the run forever. */
    private static final Duration GRAPHQL_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(20)).build();
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, String> options;
    private final String base;
    private final String tenant;

    private final Latencies authorize = new Latencies();
    private final Latencies start = new Latencies();
    private final Latencies meterValues = new Latencies();
    private final Latencies boot = new Latencies();
    private final Latencies authorizeUnderLoad = new Latencies();
    private final Latencies startUnderLoad = new Latencies();
    private final Latencies stopUnderLoad = new Latencies();
    private final AtomicLong heartbeats = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    /** StartTransactions answered with another status than Accepted: the figures would then measure refused sessions. */
    private final AtomicLong refused = new AtomicLong();
    /** Calls the server shed under overload and this harness sent again. */
    private final AtomicLong shed = new AtomicLong();

    private LoadHarness(Map<String, String> options) {
        this.options = options;
        this.base = options.getOrDefault("http", "http://localhost:8080");
        this.tenant = options.getOrDefault("tenant", "demo");
    }

    /** Exits with 1 when some answered MeterValues are not stored (or could not be read back) or a start was refused, 0 otherwise. */
    public static void main(String[] args) throws Exception {
        Stored stored = measure(Simulate.options(args));
        System.exit(stored.complete() && stored.refused() == 0 ? 0 : 1);
    }

    /** One run with these options (the command line's, without their dashes): prints its figures, returns what was kept. */
    public static Stored measure(Map<String, String> options) throws Exception {
        return new LoadHarness(options).run();
    }

    private Stored run() throws Exception {
        int chargers = Integer.parseInt(options.getOrDefault("chargers", "1000"));
        int rate = Integer.parseInt(options.getOrDefault("meter-values-per-second", "500"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int heartbeatSeconds = Integer.parseInt(options.getOrDefault("heartbeat-seconds", "30"));
        int connectsPerSecond = Integer.parseInt(options.getOrDefault("connects-per-second", "200"));
        int startsPerSecond = Integer.parseInt(options.getOrDefault("starts-per-second", "200"));
        int probesPerSecond = Integer.parseInt(options.getOrDefault("probes-per-second", "20"));
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();

        String token = accessToken();
        String location = location(token);
        say("registering " + chargers + " chargers LOAD-" + run + "-n and their tokens through GraphQL");
        String[] chargePointIds = new String[chargers];
        List<String> secrets = register(token, location, run, chargers, chargePointIds);
        List<String> uids = tokens(token, chargers);
        List<String> probeUids = tokens(token, chargers);

        say("connecting " + chargers + " chargers");
        String ws = base.replaceFirst("^http", "ws") + "/ocpp/" + tenant + "/";
        List<SimulatedCharger> connected = Collections.synchronizedList(new ArrayList<>());
        Semaphore opening = new Semaphore(1000);
        List<CompletableFuture<Void>> connecting = new ArrayList<>();
        Instant connectStart = Instant.now();
        Pace connectPace = new Pace(connectsPerSecond);
        for (int i = 0; i < chargers; i++) {
            connectPace.await(i);
            opening.acquire();
            String identity = "LOAD-" + run + "-" + i;
            connecting.add(SimulatedCharger.connect(http, timers, ws, identity, secrets.get(i))
                    .thenCompose(charger -> timed(boot, charger, "BootNotification", SimulatedCharger.object().put("chargePointVendor", "Chargebase")
                            .put("chargePointModel", "Load")).thenApply(answer -> charger))
                    .thenAccept(connected::add)
                    .whenComplete((ok, error) -> {
                        opening.release();
                        if (error != null) {
                            failures.incrementAndGet();
                        }
                    }));
        }
        CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        say(connected.size() + " of " + chargers + " connected and booted in " + Duration.between(connectStart, Instant.now()).toSeconds() + " s");
        for (SimulatedCharger charger : connected) {
            long delay = ThreadLocalRandom.current().nextLong(heartbeatSeconds * 1000L);
            timers.scheduleAtFixedRate(() -> charger.call("Heartbeat", SimulatedCharger.object())
                    .whenComplete((ok, error) -> {
                        if (error == null) {
                            heartbeats.incrementAndGet();
                        }
                    }), delay, heartbeatSeconds * 1000L, TimeUnit.MILLISECONDS);
        }

        say("starting a session on every charger");
        int[] transactions = new int[connected.size()];
        List<CompletableFuture<?>> starting = new ArrayList<>();
        Semaphore inFlight = new Semaphore(1000);
        Pace startPace = new Pace(startsPerSecond);
        for (int i = 0; i < connected.size(); i++) {
            int index = i;
            SimulatedCharger charger = connected.get(i);
            String uid = uids.get(number(charger));
            startPace.await(i);
            inFlight.acquire();
            starting.add(timed(authorize, charger, "Authorize", SimulatedCharger.object().put("idTag", uid))
                    .thenCompose(ok -> timed(start, charger, "StartTransaction", SimulatedCharger.object().put("connectorId", 1).put("idTag", uid)
                            .put("meterStart", 0).put("timestamp", SimulatedCharger.now())))
                    .thenAccept(answer -> {
                        transactions[index] = answer.path("transactionId").asInt();
                        accepted(answer);
                    })
                    .whenComplete((ok, error) -> inFlight.release()));
        }
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();

        say("sending MeterValues at " + rate + "/s for " + seconds + " s");
        long[] registers = new long[connected.size()];
        // the energy registers of the MeterValues answered, per charger: each one must be stored
        List<java.util.Set<Long>> acknowledged = new ArrayList<>();
        for (int i = 0; i < connected.size(); i++) {
            acknowledged.add(java.util.concurrent.ConcurrentHashMap.newKeySet());
        }
        long intervalMicros = 1_000_000L / Math.max(1, rate);
        long total = (long) rate * seconds;
        Semaphore pending = new Semaphore(2000);
        AtomicLong answered = new AtomicLong();
        Instant meterStart = Instant.now();
        Thread probes = Thread.ofVirtual().start(() -> probe(connected, probeUids, probesPerSecond, seconds));
        for (long n = 0; n < total; n++) {
            int index = (int) (n % connected.size());
            if (transactions[index] == 0) {
                continue; // its session never started (the failures above): nothing to meter
            }
            long due = meterStart.toEpochMilli() * 1000 + n * intervalMicros;
            long wait = due - Instant.now().toEpochMilli() * 1000;
            if (wait > 1000) {
                TimeUnit.MICROSECONDS.sleep(wait);
            }
            if (!pending.tryAcquire(5, TimeUnit.SECONDS)) {
                failures.incrementAndGet();
                continue;
            }
            registers[index] += 250;
            long register = registers[index];
            ObjectNode request = Simulate.meterValues(1, transactions[index], Instant.now(), BigDecimal.valueOf(register),
                    BigDecimal.valueOf(11000), 50);
            timed(meterValues, connected.get(index), "MeterValues", request).whenComplete((ok, error) -> {
                pending.release();
                if (error == null) {
                    acknowledged.get(index).add(register);
                    answered.incrementAndGet();
                }
            });
        }
        pending.acquire(2000);
        double elapsed = Duration.between(meterStart, Instant.now()).toMillis() / 1000.0;
        pending.release(2000);
        probes.join();

        say("stopping the sessions");
        List<CompletableFuture<?>> stopping = new ArrayList<>();
        for (int i = 0; i < connected.size(); i++) {
            SimulatedCharger charger = connected.get(i);
            if (transactions[i] == 0) {
                continue;
            }
            inFlight.acquire();
            stopping.add(charger.call("StopTransaction", SimulatedCharger.object().put("transactionId", transactions[i])
                            .put("meterStop", registers[i]).put("timestamp", SimulatedCharger.now()).put("reason", "Local"))
                    .toCompletableFuture().whenComplete((ok, error) -> inFlight.release()));
        }
        CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();

        say("reading the stored meter values of every session through GraphQL");
        Stored stored = stored(token, connected, chargePointIds, transactions, acknowledged, refused.get());

        System.out.println();
        System.out.println("=== Chargebase load harness ===");
        System.out.printf("chargers connected and booted : %d of %d%n", connected.size(), chargers);
        System.out.printf("heartbeats answered           : %d%n", heartbeats.get());
        System.out.printf("sessions started (connector 1): %d of %d%n", java.util.Arrays.stream(transactions).filter(id -> id != 0).count(),
                connected.size());
        System.out.printf("MeterValues answered          : %d in %.1f s = %.0f/s (target %d/s)%n", answered.get(), elapsed, answered.get() / elapsed, rate);
        System.out.println("BootNotification              : " + boot);
        System.out.println("Authorize                     : " + authorize);
        System.out.println("StartTransaction              : " + start);
        System.out.println("MeterValues                   : " + meterValues);
        System.out.println("while MeterValues flow, " + probesPerSecond + " drivers/s start and stop on connector 2:");
        System.out.println("  Authorize                   : " + authorizeUnderLoad);
        System.out.println("  StartTransaction            : " + startUnderLoad);
        System.out.println("  StopTransaction (rated)     : " + stopUnderLoad);
        System.out.printf("failures                      : %d%n", failures.get());
        System.out.printf("shed and sent again           : %d (CALLERROR InternalError under overload, retried after 1 s)%n", shed.get());
        System.out.printf("sessions refused              : %d%s%n", refused.get(), refused.get() == 0 ? " (every start Accepted)"
                : " (NOT ACCEPTED: these figures measure refused sessions; check the tokens, the location's access and the tariff)");
        System.out.printf("meter values answered, stored : %d answered, %d of them stored, %d missing%s%n", stored.answered(), stored.found(),
                stored.missing(), stored.unread() > 0 ? " (" + stored.unread() + " sessions could not be read)" : "");
        System.out.println(stored.complete()
                ? "nothing acknowledged was lost  : every answered MeterValues is stored"
                : "ACKNOWLEDGED BUT NOT STORED   : " + stored.missing() + " answered MeterValues are not in the database");
        connected.forEach(charger -> workers.submit(charger::close));
        workers.shutdown();
        workers.awaitTermination(30, TimeUnit.SECONDS);
        timers.shutdownNow();
        return stored;
    }

    /**
     * Short sessions on connector 2 while the MeterValues flow: Authorize, StartTransaction and at once
     * StopTransaction (which rates the session), one driver after another at {@code perSecond}.
     */
    private void probe(List<SimulatedCharger> chargers, List<String> uids, int perSecond, int seconds) {
        if (perSecond <= 0 || chargers.isEmpty()) {
            return;
        }
        Pace pace = new Pace(perSecond);
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int n = 0; n < perSecond * seconds; n++) {
            pace.await(n);
            SimulatedCharger charger = chargers.get(n % chargers.size());
            String uid = uids.get(number(charger));
            all.add(timed(authorizeUnderLoad, charger, "Authorize", SimulatedCharger.object().put("idTag", uid))
                    .thenCompose(ok -> timed(startUnderLoad, charger, "StartTransaction", SimulatedCharger.object().put("connectorId", 2)
                            .put("idTag", uid).put("meterStart", 1000).put("timestamp", SimulatedCharger.now())))
                    .thenCompose(started -> {
                        accepted(started);
                        return timed(stopUnderLoad, charger, "StopTransaction", SimulatedCharger.object()
                            .put("transactionId", started.path("transactionId").asInt()).put("meterStop", 1500)
                            .put("timestamp", SimulatedCharger.now()).put("reason", "Local"));
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
    }

    private void accepted(JsonNode started) {
        if (!"Accepted".equals(started.path("idTagInfo").path("status").asString())) {
            refused.incrementAndGet();
        }
    }

    private static int number(SimulatedCharger charger) {
        return Integer.parseInt(charger.identity().substring(charger.identity().lastIndexOf('-') + 1));
    }

    /** Sends the n-th event of a series at n / perSecond seconds after the series began. */
    private static final class Pace {

        private final long begin = System.nanoTime();
        private final long nanosApart;

        Pace(int perSecond) {
            this.nanosApart = 1_000_000_000L / Math.max(1, perSecond);
        }

        void await(long n) {
            long wait = begin + n * nanosApart - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
        }
    }

    /**
     * Sends the call and measures it until its answer. A call the server sheds under overload (CALLERROR InternalError:
     * "try again in a moment") is sent again a second later, as a charger does, up to {@link #RETRIES} times; its
     * latency runs from the first sending, as the driver waits for it.
     */
    private CompletableFuture<JsonNode> timed(Latencies latencies, SimulatedCharger charger, String action, ObjectNode payload) {
        long begin = System.nanoTime();
        return sent(charger, action, payload, 0).whenComplete((answer, error) -> {
            if (error == null) {
                latencies.add(System.nanoTime() - begin);
            } else {
                failures.incrementAndGet();
            }
        });
    }

    private static final int RETRIES = 10;

    private CompletableFuture<JsonNode> sent(SimulatedCharger charger, String action, ObjectNode payload, int attempt) {
        return charger.call(action, payload).toCompletableFuture().handle((answer, error) -> {
            Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
            if (cause == null) {
                return CompletableFuture.completedFuture(answer);
            }
            if (attempt < RETRIES && cause instanceof io.chargebase.ocpp.rpc.OutboundCallException.Rejected rejected
                    && rejected.callError().errorCode() == io.chargebase.ocpp.rpc.RpcErrorCode.INTERNAL_ERROR) {
                shed.incrementAndGet();
                return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS))
                        .thenCompose(ignored -> sent(charger, action, payload, attempt + 1));
            }
            return CompletableFuture.<JsonNode>failedFuture(cause);
        }).thenCompose(next -> next);
    }

    private String accessToken() throws Exception {
        String client = options.getOrDefault("client", "demo-integration");
        String secret = options.getOrDefault("secret", "demo-secret");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/t/" + tenant + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + URLEncoder.encode("api", StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode json = SimulatedCharger.JSON.readTree(response.body());
        if (!json.has("access_token")) {
            throw new IllegalStateException("No token from " + request.uri() + ": " + response.body());
        }
        return json.path("access_token").asString();
    }

    private JsonNode graphQl(String token, String query, Map<String, Object> variables) throws Exception {
        ObjectNode body = SimulatedCharger.object().put("query", query);
        body.set("variables", SimulatedCharger.JSON.valueToTree(variables));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/graphql")).timeout(GRAPHQL_TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        JsonNode json = SimulatedCharger.JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        if (json.has("errors")) {
            throw new IllegalStateException(json.toString());
        }
        return json.path("data");
    }

    private String location(String token) throws Exception {
        JsonNode created = graphQl(token, "mutation($input: CreateLocationInput!) { createLocation(input: $input) { location { id } userErrors { message } } }",
                Map.of("input", Map.of("name", "Load test " + Instant.now(), "street", "Teststraat 1", "city", "Amsterdam", "country", "NL",
                        "latitude", 52.37, "longitude", 4.89, "timeZone", "Europe/Amsterdam", "access", "PUBLIC")));
        return created.path("createLocation").path("location").path("id").asString();
    }

    private List<String> register(String token, String location, String run, int chargers, String[] chargePointIds) throws Exception {
        String[] secrets = new String[chargers];
        String mutation = "mutation($input: RegisterChargePointInput!) { registerChargePoint(input: $input) { chargerSecret chargePoint { id } "
                + "userErrors { message } } }";
        Map<String, Object> evse = Map.of("currentType", "AC", "maxPowerKw", 22.0, "connectors", List.of(Map.of("standard", "IEC_62196_T2",
                "format", "SOCKET", "powerType", "AC_3_PHASE", "maxVoltage", 400, "maxAmperage", 32)));
        Semaphore parallel = new Semaphore(8);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < chargers; i++) {
            int index = i;
            parallel.acquire();
            all.add(CompletableFuture.runAsync(() -> {
                try {
                    JsonNode registered = graphQl(token, mutation, Map.of("input", Map.of("locationId", location, "ocppIdentity", "LOAD-" + run + "-" + index,
                            "evses", List.of(evse, evse)))).path("registerChargePoint");
                    secrets[index] = registered.path("chargerSecret").asString();
                    chargePointIds[index] = registered.path("chargePoint").path("id").asString();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    parallel.release();
                }
            }, workers));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        return List.of(secrets);
    }

    /** What {@link #stored} found: answered MeterValues, those of them stored, those missing, sessions not read. */
    public record Stored(long answered, long found, long missing, long unread, long refused) {

        /** Whether every answered MeterValues was read back from the database. */
        public boolean complete() {
            return missing == 0 && unread == 0;
        }
    }

    /**
     * Compares, per charger, the energy registers of the MeterValues that were answered with those stored for its
     * connector-1 session, read back through GraphQL (a session's {@code meterValues}): an answer is given only after
     * the values are committed, so each answered one must be there. Values stored whose answer was lost on the way
     * do not count against the server.
     */
    private Stored stored(String token, List<SimulatedCharger> connected, String[] chargePointIds, int[] transactions,
            List<java.util.Set<Long>> acknowledged, long refusedStarts) throws InterruptedException {
        String query = "query($id: ID!) { chargingSessions(first: 10, filter: { chargePointId: $id }) { edges { node { transactionId "
                + "meterValues { measurand value } } } } }";
        AtomicLong answered = new AtomicLong();
        AtomicLong found = new AtomicLong();
        AtomicLong missing = new AtomicLong();
        AtomicLong unread = new AtomicLong();
        Semaphore parallel = new Semaphore(8);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < connected.size(); i++) {
            int index = i;
            parallel.acquire();
            all.add(CompletableFuture.runAsync(() -> {
                java.util.Set<Long> expected = acknowledged.get(index);
                answered.addAndGet(expected.size());
                try {
                    JsonNode edges = graphQl(token, query, Map.of("id", chargePointIds[number(connected.get(index))]))
                            .path("chargingSessions").path("edges");
                    java.util.Set<Long> registers = new java.util.HashSet<>();
                    for (JsonNode edge : edges) {
                        if (edge.path("node").path("transactionId").asInt() == transactions[index]) {
                            for (JsonNode value : edge.path("node").path("meterValues")) {
                                if (value.path("measurand").asString().equals("Energy.Active.Import.Register")) {
                                    JsonNode number = value.path("value");
                                    registers.add((number.isNumber() ? number.decimalValue() : new BigDecimal(number.asString())).longValue());
                                }
                            }
                        }
                    }
                    long here = expected.stream().filter(registers::contains).count();
                    found.addAndGet(here);
                    missing.addAndGet(expected.size() - here);
                } catch (Exception e) {
                    unread.incrementAndGet();
                } finally {
                    parallel.release();
                }
            }, workers));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return new Stored(answered.get(), found.get(), missing.get(), unread.get(), refusedStarts);
    }

    private List<String> tokens(String token, int count) throws Exception {
        List<String> uids = new ArrayList<>();
        StringBuilder csv = new StringBuilder("uid,type\n");
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[7];
            ThreadLocalRandom.current().nextBytes(bytes);
            String uid = HexFormat.of().withUpperCase().formatHex(bytes);
            uids.add(uid);
            csv.append(uid).append(",RFID\n");
        }
        JsonNode imported = graphQl(token, "mutation($input: ImportTokensInput!) { importTokens(input: $input) { imported } }",
                Map.of("input", Map.of("csv", csv.toString())));
        say(imported.path("importTokens").path("imported").asInt() + " tokens imported");
        return uids;
    }

    private static void say(String line) {
        System.out.println("[load] " + line);
    }

    /** Latencies in nanoseconds, summarised as count, p50, p99 and max in milliseconds. */
    static final class Latencies {

        private final ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();

        void add(long nanos) {
            samples.add(nanos);
        }

        @Override
        public String toString() {
            List<Long> sorted = new ArrayList<>(samples);
            if (sorted.isEmpty()) {
                return "no samples";
            }
            Collections.sort(sorted);
            return String.format("n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms", sorted.size(), percentile(sorted, 50), percentile(sorted, 99),
                    sorted.getLast() / 1e6);
        }

        private static double percentile(List<Long> sorted, int p) {
            int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
            return sorted.get(Math.max(0, index)) / 1e6;
        }
    }
}
