package io.chargebase.ocpp.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One charger, one full charging session, printed step by step:
 * BootNotification, StatusNotification, Authorize, StartTransaction, MeterValues, StopTransaction.
 * The session is replayed in fast motion: it started {@code --minutes} ago and its meter values carry the
 * charger's timestamps of that past, as an offline charger's queue would.
 *
 * <pre>--url ws://localhost:8080/ocpp/demo/ --identity DEMO-CP-1 --password demo-cp-secret --id-tag 04A1B2C3D4E5F6
 * --connector 1 --kwh 18 --minutes 90 --stay false</pre>
 */
public final class Simulate {

    private Simulate() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = options.getOrDefault("url", "ws://localhost:8080/ocpp/demo/");
        String identity = options.getOrDefault("identity", "DEMO-CP-1");
        String password = options.getOrDefault("password", "demo-cp-secret");
        String idTag = options.getOrDefault("id-tag", "04A1B2C3D4E5F6");
        int connector = Integer.parseInt(options.getOrDefault("connector", "1"));
        BigDecimal kwh = new BigDecimal(options.getOrDefault("kwh", "18"));
        int minutes = Integer.parseInt(options.getOrDefault("minutes", "90"));
        boolean stay = Boolean.parseBoolean(options.getOrDefault("stay", "false"));

        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        try (SimulatedCharger charger = SimulatedCharger.connect(http, timers, url, identity, password).join()) {
            say("connected to " + url + identity + " (ocpp1.6)");
            JsonNode boot = call(charger, "BootNotification", SimulatedCharger.object().put("chargePointVendor", "Chargebase")
                    .put("chargePointModel", "Simulator").put("chargePointSerialNumber", identity + "-SN").put("firmwareVersion", "1.0.0"));
            say("BootNotification → " + boot.path("status").asString() + ", heartbeat every " + boot.path("interval").asInt() + " s");
            for (int id = 0; id <= 2; id++) {
                call(charger, "StatusNotification", status(id, "Available", SimulatedCharger.now()));
            }
            say("StatusNotification → connectors 0, 1, 2 Available");
            JsonNode authorized = call(charger, "Authorize", SimulatedCharger.object().put("idTag", idTag));
            say("Authorize " + idTag + " → " + authorized.path("idTagInfo").path("status").asString());
            if (!"Accepted".equals(authorized.path("idTagInfo").path("status").asString())) {
                say("the token was not accepted; no session");
                return;
            }
            Instant start = Instant.now().minus(Duration.ofMinutes(minutes)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            call(charger, "StatusNotification", status(connector, "Preparing", start.toString()));
            JsonNode started = call(charger, "StartTransaction", SimulatedCharger.object().put("connectorId", connector).put("idTag", idTag)
                    .put("meterStart", 0).put("timestamp", start.toString()));
            int transaction = started.path("transactionId").asInt();
            say("StartTransaction at " + start + " → transaction " + transaction + ", " + started.path("idTagInfo").path("status").asString());
            call(charger, "StatusNotification", status(connector, "Charging", start.toString()));

            int steps = Math.max(1, minutes / 5);
            BigDecimal wh = kwh.multiply(BigDecimal.valueOf(1000));
            BigDecimal watts = wh.multiply(BigDecimal.valueOf(60)).divide(BigDecimal.valueOf(minutes), 0, RoundingMode.HALF_UP);
            for (int step = 1; step <= steps; step++) {
                Instant at = start.plus(Duration.ofMinutes((long) minutes * step / steps));
                BigDecimal register = wh.multiply(BigDecimal.valueOf(step)).divide(BigDecimal.valueOf(steps), 0, RoundingMode.HALF_UP);
                int soc = 20 + 60 * step / steps;
                call(charger, "MeterValues", meterValues(connector, transaction, at, register, watts, soc));
                say(String.format("MeterValues %s: %s Wh, %s W, SoC %d %%", at, register, watts, soc));
                Thread.sleep(150);
            }
            Instant stop = start.plus(Duration.ofMinutes(minutes));
            call(charger, "StatusNotification", status(connector, "Finishing", stop.toString()));
            JsonNode stopped = call(charger, "StopTransaction", SimulatedCharger.object().put("transactionId", transaction).put("idTag", idTag)
                    .put("meterStop", wh.intValue()).put("timestamp", stop.toString()).put("reason", "EVDisconnected"));
            say("StopTransaction at " + stop + " → " + stopped.path("idTagInfo").path("status").asString(""));
            call(charger, "StatusNotification", status(connector, "Available", SimulatedCharger.now()));
            say("done: " + kwh + " kWh in " + minutes + " min on connector " + connector + "; the rated session is in GraphQL (mspCdrs, myCdrs)");
            if (stay) {
                say("staying connected, answering commands; Ctrl-C to stop");
                while (true) {
                    Thread.sleep(Duration.ofSeconds(boot.path("interval").asInt(300)));
                    call(charger, "Heartbeat", SimulatedCharger.object());
                }
            }
        } finally {
            timers.shutdownNow();
        }
    }

    public static ObjectNode status(int connector, String status, String timestamp) {
        return SimulatedCharger.object().put("connectorId", connector).put("status", status).put("errorCode", "NoError").put("timestamp", timestamp);
    }

    public static ObjectNode meterValues(int connector, int transaction, Instant at, BigDecimal registerWh, BigDecimal watts, int soc) {
        ObjectNode request = SimulatedCharger.object().put("connectorId", connector).put("transactionId", transaction);
        ObjectNode value = request.putArray("meterValue").addObject().put("timestamp", at.toString());
        var sampled = value.putArray("sampledValue");
        sampled.addObject().put("value", registerWh.toPlainString()).put("context", "Sample.Periodic")
                .put("measurand", "Energy.Active.Import.Register").put("unit", "Wh");
        sampled.addObject().put("value", watts.toPlainString()).put("context", "Sample.Periodic").put("measurand", "Power.Active.Import").put("unit", "W");
        sampled.addObject().put("value", Integer.toString(soc)).put("context", "Sample.Periodic").put("measurand", "SoC").put("unit", "Percent");
        return request;
    }

    private static JsonNode call(SimulatedCharger charger, String action, ObjectNode payload) {
        return charger.call(action, payload).toCompletableFuture().join();
    }

    private static void say(String line) {
        System.out.println("[simulator] " + line);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Options are --name value pairs; got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
