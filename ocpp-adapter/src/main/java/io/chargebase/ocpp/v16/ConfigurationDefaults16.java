package io.chargebase.ocpp.v16;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tenant's charge point configuration defaults in OCPP 1.6 words: the HeartbeatInterval and
 * MeterValueSampleInterval keys (seconds), the GetConfiguration that reads them after a boot, and the
 * ChangeConfiguration requests for the keys whose value the charger reported otherwise (or did not report).
 */
public final class ConfigurationDefaults16 {

    public static final String HEARTBEAT_INTERVAL = "HeartbeatInterval";
    public static final String METER_VALUE_SAMPLE_INTERVAL = "MeterValueSampleInterval";

    private final Map<String, String> wanted;
    private final List<String> order;

    public ConfigurationDefaults16(Duration heartbeatInterval, Duration meterValueSampleInterval) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(HEARTBEAT_INTERVAL, Long.toString(heartbeatInterval.toSeconds()));
        keys.put(METER_VALUE_SAMPLE_INTERVAL, Long.toString(meterValueSampleInterval.toSeconds()));
        this.wanted = Map.copyOf(keys);
        this.order = List.copyOf(keys.keySet());
    }

    /** The value each key should have, in the order they are sent. */
    public Map<String, String> wanted() {
        Map<String, String> inOrder = new LinkedHashMap<>();
        order.forEach(key -> inOrder.put(key, wanted.get(key)));
        return inOrder;
    }

    /** GetConfiguration for the keys the defaults set. */
    public ObjectNode getConfiguration() {
        ObjectNode request = Messages16.object();
        order.forEach(request.putArray("key")::add);
        return request;
    }

    /**
     * ChangeConfiguration requests for the keys whose value differs in {@code answer} (a GetConfiguration.conf), or that
     * it did not report; a key it names unknown is left alone (it would answer NotSupported). {@code answer} null (the
     * charger could not say) changes every key.
     */
    public List<ObjectNode> changes(JsonNode answer) {
        Map<String, String> reported = new LinkedHashMap<>();
        java.util.Set<String> unknown = new java.util.HashSet<>();
        if (answer != null) {
            answer.path("unknownKey").forEach(key -> unknown.add(key.asString()));
            for (JsonNode key : answer.path("configurationKey")) {
                if (key.hasNonNull("value")) {
                    reported.put(key.path("key").asString(), key.path("value").asString().trim());
                }
            }
        }
        List<ObjectNode> changes = new ArrayList<>();
        for (String key : order) {
            String value = wanted.get(key);
            if (!unknown.contains(key) && !value.equals(reported.get(key))) {
                changes.add(Messages16.object().put("key", key).put("value", value));
            }
        }
        return changes;
    }
}
