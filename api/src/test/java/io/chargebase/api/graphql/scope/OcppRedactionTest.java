package io.chargebase.api.graphql.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class OcppRedactionTest {

    @Test
    void idTagsOfOtherSubtreesAreMaskedAndOwnOnesStay() {
        String frame = "[2,\"m1\",\"Authorize\",{\"idTag\":\"B2B2B2B2B2\"}]";
        assertThat(OcppRedaction.idTags(frame)).containsExactly("B2B2B2B2B2");
        assertThat(OcppRedaction.redact(frame, Set.of())).doesNotContain("B2B2B2B2B2").contains(OcppRedaction.MASK);
        assertThat(OcppRedaction.redact(frame, Set.of("B2B2B2B2B2"))).as("unchanged text keeps its form").isEqualTo(frame);
        String answer = "[3,\"m1\",{\"idTagInfo\":{\"status\":\"Accepted\",\"parentIdTag\":\"C3C3C3C3\"}}]";
        assertThat(OcppRedaction.redact(answer, Set.of())).doesNotContain("C3C3C3C3").contains("Accepted");
    }

    @Test
    void aLocalListIsWithheldWholeEvenWhenEveryCardIsVisible() {
        String request = "{\"listVersion\":3,\"updateType\":\"Full\",\"localAuthorizationList\":[{\"idTag\":\"D0D0D0D0\","
                + "\"idTagInfo\":{\"status\":\"Accepted\"}},{\"idTag\":\"B2B2B2B2B2\",\"idTagInfo\":{\"status\":\"Blocked\"}}]}";
        String shown = OcppRedaction.redact(request, Set.of("D0D0D0D0", "B2B2B2B2B2"));
        assertThat(shown).doesNotContain("D0D0D0D0", "B2B2B2B2B2", "Blocked").contains("\"listVersion\":3", "2 entries");
    }

    @Test
    void secretConfigurationValuesDataAndUrlPasswordsAreWithheld() {
        assertThat(OcppRedaction.redact("{\"key\":\"AuthorizationKey\",\"value\":\"s3cr3t-key-value\"}", Set.of()))
                .doesNotContain("s3cr3t-key-value").contains("AuthorizationKey");
        assertThat(OcppRedaction.redact("{\"key\":\"HeartbeatInterval\",\"value\":\"300\"}", Set.of())).contains("300");
        String configuration = "{\"configurationKey\":[{\"key\":\"WifiPassword\",\"readonly\":false,\"value\":\"hunter2\"},"
                + "{\"key\":\"MeterValueSampleInterval\",\"readonly\":false,\"value\":\"60\"}],\"unknownKey\":[]}";
        assertThat(OcppRedaction.redact(configuration, Set.of())).doesNotContain("hunter2").contains("\"60\"");
        assertThat(OcppRedaction.redact("{\"vendorId\":\"ACME\",\"messageId\":\"x\",\"data\":\"card=B2B2B2B2B2\"}", Set.of()))
                .doesNotContain("B2B2B2B2B2").contains("ACME");
        assertThat(OcppRedaction.redact("{\"location\":\"ftp://diag:pa55word@files.example.com/up/\",\"retries\":1}", Set.of()))
                .doesNotContain("pa55word", "diag:").contains("ftp://files.example.com/up/");
    }

    @Test
    void aFrameCutAtTheLogsLimitIsMaskedByPatternOrWithheld() {
        String cut = "[2,\"m9\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"B2B2B2B2B2\",\"meterStart\":0,\"timest";
        assertThat(OcppRedaction.idTags(cut)).containsExactly("B2B2B2B2B2");
        assertThat(OcppRedaction.redact(cut, Set.of())).doesNotContain("B2B2B2B2B2").contains("connectorId");
        assertThat(OcppRedaction.redact("[2,\"m9\",\"StopTransaction\",{\"idTag\":\"B2B2", Set.of())).doesNotContain("B2B2");
        String list = "[2,\"m3\",\"SendLocalList\",{\"listVersion\":1,\"localAuthorizationList\":[{\"idTag\":\"D0D0";
        assertThat(OcppRedaction.redact(list, Set.of("D0D0"))).doesNotContain("D0D0").startsWith(OcppRedaction.MASK);
        assertThat(OcppRedaction.redact("not json", Set.of())).isEqualTo("not json");
    }
}
