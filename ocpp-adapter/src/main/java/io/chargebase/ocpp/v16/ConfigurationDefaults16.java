package io.chargebase.ocpp.v16;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chargebase.domain.operations.command.Answer;
import io.chargebase.domain.operations.command.Command;

/**
 * The tenant's charge point configuration defaults in OCPP 1.6 words: the HeartbeatInterval and
 * MeterValueSampleInterval keys (seconds), the GetConfiguration that reads them after a boot, and the
 * ChangeConfiguration commands for the keys whose value the charger reported otherwise (or did not report). The key
 * names are 1.6's (2.0.1 names them as component variables), so this lives with the 1.6 mapping.
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
    public Command.GetConfiguration getConfiguration() {
        return new Command.GetConfiguration(order);
    }

    /**
     * ChangeConfiguration for the keys whose value differs in {@code answer} (what GetConfiguration returned), or that
     * it did not report; a key it names unknown is left alone (it would answer NotSupported). {@code answer} null (the
     * charger could not say) changes every key.
     */
    public List<Command.ChangeConfiguration> changes(Answer.Configuration answer) {
        Map<String, String> reported = new LinkedHashMap<>();
        java.util.Set<String> unknown = new java.util.HashSet<>();
        if (answer != null) {
            unknown.addAll(answer.unknownKeys());
            for (Answer.Configuration.Key key : answer.keys()) {
                if (key.value() != null) {
                    reported.put(key.key(), key.value().trim());
                }
            }
        }
        List<Command.ChangeConfiguration> changes = new ArrayList<>();
        for (String key : order) {
            String value = wanted.get(key);
            if (!unknown.contains(key) && !value.equals(reported.get(key))) {
                changes.add(new Command.ChangeConfiguration(key, value));
            }
        }
        return changes;
    }
}
