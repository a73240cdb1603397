package io.chargebase.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The schema check refuses what the API server would: it is no rubber stamp. */
class KubernetesSchemasTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: chargebase
            spec:
              selector:
                matchLabels:
                  app: chargebase
              template:
                metadata:
                  labels:
                    app: chargebase
                spec:
                  containers:
                    - name: chargebase
                      image: chargebase:1
                      ports:
                        - containerPort: 8080
            """;

    @Test
    void aValidManifestPasses() {
        assertThat(KubernetesSchemas.problems(manifest(DEPLOYMENT))).isEmpty();
    }

    @Test
    void anUnknownFieldAMissingRequiredFieldAndAWrongTypeAreRefused() {
        assertThat(KubernetesSchemas.problems(manifest(DEPLOYMENT.replace("image: chargebase:1\n", "image: chargebase:1\n          readinessProbes: {}\n"))))
                .singleElement().asString().contains("readinessProbes");
        assertThat(KubernetesSchemas.problems(manifest(DEPLOYMENT.replace("- name: chargebase\n          image:", "- image:"))))
                .singleElement().asString().contains("name");
        assertThat(KubernetesSchemas.problems(manifest(DEPLOYMENT.replace("containerPort: 8080", "containerPort: http"))))
                .singleElement().asString().contains("NumberFormatException", "http");
        assertThat(KubernetesSchemas.problems(manifest(DEPLOYMENT.replace("kind: Deployment", "kind: Deploymnet"))))
                .singleElement().asString().contains("no schema known");
    }

    private static Map<String, Object> manifest(String yaml) {
        return Manifests.parse(yaml).documents().getFirst();
    }
}
