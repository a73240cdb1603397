package io.chargebase.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;

/** values.schema.json refuses what would deploy something broken, and says which value is at fault. */
class BadValuesTest {

    @TempDir
    Path temporary;

    @Test
    void aMissingRequiredValueIsNamed() throws IOException {
        // null in a values file removes the chart's default
        assertRefused("database:\n  url: null\n", "database", "url is required");
        assertRefused("database:\n  url: \"\"\n", "database.url");
        assertRefused("signingKeyEncryptionKey:\n  existingSecret: null\n", "signingKeyEncryptionKey", "existingSecret is required");
        assertRefused("ingress:\n  enabled: true\n", "ingress", "host");
        assertRefused("smtp:\n  host: smtp.mail.example\n", "smtp", "from");
    }

    @Test
    void anUnknownKeyIsNamed() throws IOException {
        assertRefused("databse:\n  url: jdbc:postgresql://db:5432/chargebase\n", "databse", "not allowed");
        assertRefused("ingress:\n  enabled: true\n  host: api.example\n  tls: true\n", "tls", "not allowed");
        assertRefused("autoscaling:\n  maxReplica: 3\n", "maxReplica", "not allowed");
    }

    @Test
    void aWrongTypeIsNamed() throws IOException {
        assertRefused("replicaCount: two\n", "replicaCount", "Invalid type");
        assertRefused("database:\n  poolSize: \"20\"\n", "database.poolSize", "Invalid type");
        assertRefused("ingress:\n  enabled: \"yes\"\n", "ingress.enabled", "Invalid type");
        assertRefused("database:\n  url: postgres://db/chargebase\n", "database.url", "jdbc:postgresql://");
        assertRefused("image:\n  digest: latest\n", "image.digest");
        assertRefused("smtp:\n  host: smtp.mail.example\n  from: nobody\n", "smtp.from");
    }

    @Test
    void helmLintRefusesTheChartWhenItsValuesAreWrong() throws IOException {
        Path chart = Charts.copy(temporary);
        Files.writeString(chart.resolve("values.yaml"), Files.readString(chart.resolve("values.yaml")) + "\nreplicas: 3\n");

        LintResult lint = new Helm(chart).lint().call();

        assertThat(lint.isFailed()).isTrue();
        assertThat(String.join("\n", lint.getMessages())).contains("replicas").contains("not allowed");
    }

    private void assertRefused(String values, String... named) throws IOException {
        Path file = Files.writeString(Files.createTempFile(temporary, "values", ".yaml"), values);
        assertThatThrownBy(() -> Charts.template(Map.of(), file))
                .as("values:\n" + values)
                .satisfies(refused -> assertThat(refused.getMessage()).contains(List.of(named)));
    }
}
