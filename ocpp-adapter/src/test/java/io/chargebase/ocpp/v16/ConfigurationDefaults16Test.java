package io.chargebase.ocpp.v16;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class ConfigurationDefaults16Test {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ConfigurationDefaults16 defaults = new ConfigurationDefaults16(Duration.ofSeconds(300), Duration.ofSeconds(60));

    @Test
    void readsBothKeys() {
        assertThat(defaults.getConfiguration().toString()).isEqualTo("{\"key\":[\"HeartbeatInterval\",\"MeterValueSampleInterval\"]}");
    }

    @Test
    void changesOnlyTheKeysThatDiffer() {
        var answer = JSON.readTree("""
                {"configurationKey": [{"key": "HeartbeatInterval", "readonly": false, "value": "300"},
                                      {"key": "MeterValueSampleInterval", "readonly": false, "value": "900"}]}""");
        assertThat(defaults.changes(answer)).extracting(Object::toString)
                .containsExactly("{\"key\":\"MeterValueSampleInterval\",\"value\":\"60\"}");
    }

    @Test
    void changesNothingWhenTheChargerRunsTheDefaults() {
        var answer = JSON.readTree("""
                {"configurationKey": [{"key": "MeterValueSampleInterval", "readonly": false, "value": "60"},
                                      {"key": "HeartbeatInterval", "readonly": false, "value": " 300"}]}""");
        assertThat(defaults.changes(answer)).isEmpty();
    }

    @Test
    void changesKeysNotReportedLeavesUnknownKeysAloneAndChangesEveryKeyWhenTheChargerCouldNotSay() {
        assertThat(defaults.changes(JSON.readTree("{\"configurationKey\": []}"))).hasSize(2);
        var answer = JSON.readTree("{\"configurationKey\": [{\"key\": \"HeartbeatInterval\", \"readonly\": false, \"value\": \"30\"}],"
                + " \"unknownKey\": [\"MeterValueSampleInterval\"]}");
        assertThat(defaults.changes(answer)).extracting(node -> node.path("key").asString()).containsExactly("HeartbeatInterval");
        assertThat(defaults.changes(null)).extracting(node -> node.path("key").asString())
                .containsExactly("HeartbeatInterval", "MeterValueSampleInterval");
    }
}
