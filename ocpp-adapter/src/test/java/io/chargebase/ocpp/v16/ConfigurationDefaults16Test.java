package io.chargebase.ocpp.v16;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.chargebase.domain.operations.command.Answer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConfigurationDefaults16Test {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ConfigurationDefaults16 defaults = new ConfigurationDefaults16(Duration.ofSeconds(300), Duration.ofSeconds(60));

    @Test
    void readsBothKeys() {
        assertThat(Commands16.encode(defaults.getConfiguration()).payload().toString()).isEqualTo("{\"key\":[\"HeartbeatInterval\",\"MeterValueSampleInterval\"]}");
    }

    @Test
    void changesOnlyTheKeysThatDiffer() {
        var answer = JSON.readTree("""
                {"configurationKey": [{"key": "HeartbeatInterval", "readonly": false, "value": "300"},
                                      {"key": "MeterValueSampleInterval", "readonly": false, "value": "900"}]}""");
        assertThat(defaults.changes(configuration(answer))).extracting(change -> Commands16.encode(change).payload().toString())
                .containsExactly("{\"key\":\"MeterValueSampleInterval\",\"value\":\"60\"}");
    }

    @Test
    void changesNothingWhenTheChargerRunsTheDefaults() {
        var answer = JSON.readTree("""
                {"configurationKey": [{"key": "MeterValueSampleInterval", "readonly": false, "value": "60"},
                                      {"key": "HeartbeatInterval", "readonly": false, "value": " 300"}]}""");
        assertThat(defaults.changes(configuration(answer))).isEmpty();
    }

    @Test
    void changesKeysNotReportedLeavesUnknownKeysAloneAndChangesEveryKeyWhenTheChargerCouldNotSay() {
        assertThat(defaults.changes(configuration(JSON.readTree("{\"configurationKey\": []}")))).hasSize(2);
        var answer = JSON.readTree("{\"configurationKey\": [{\"key\": \"HeartbeatInterval\", \"readonly\": false, \"value\": \"30\"}],"
                + " \"unknownKey\": [\"MeterValueSampleInterval\"]}");
        assertThat(defaults.changes(configuration(answer))).extracting(io.chargebase.domain.operations.command.Command.ChangeConfiguration::key).containsExactly("HeartbeatInterval");
        assertThat(defaults.changes(null)).extracting(io.chargebase.domain.operations.command.Command.ChangeConfiguration::key)
                .containsExactly("HeartbeatInterval", "MeterValueSampleInterval");
    }

    private Answer.Configuration configuration(JsonNode answer) {
        return Commands16.decode(defaults.getConfiguration(), answer);
    }
}
