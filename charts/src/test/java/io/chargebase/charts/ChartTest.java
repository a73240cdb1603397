package io.chargebase.charts;

import static io.chargebase.charts.Manifests.at;
import static io.chargebase.charts.Manifests.env;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;

/** The chart renders what an operator needs, and every manifest is one the Kubernetes API accepts. */
class ChartTest {

    @TempDir
    Path temporary;

    @Test
    void theChartLintsCleanlyInStrictMode() {
        LintResult lint = new Helm(Charts.CHART).lint().strict().call();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
        assertThat(lint.getMessages()).noneMatch(message -> message.contains("[ERROR]") || message.contains("[WARNING]"));
    }

    /** helm-java's lint reads the chart's own values only, so a copy gets the example merged into its defaults. */
    @Test
    void theChartLintsCleanlyInStrictModeWithTheProductionExample() throws IOException {
        Path chart = Charts.copy(temporary);
        Path values = chart.resolve("values.yaml");
        Yaml yaml = new Yaml();
        Map<String, Object> merged = merge(yaml.load(Files.readString(values)), yaml.load(Files.readString(Charts.PRODUCTION_VALUES)));
        Files.writeString(values, yaml.dump(merged));

        LintResult lint = new Helm(chart).lint().strict().call();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
        assertThat(lint.getMessages()).noneMatch(message -> message.contains("[ERROR]") || message.contains("[WARNING]"));
    }

    @Test
    void theDefaultValuesRenderValidManifests() {
        Manifests manifests = Manifests.parse(Charts.template(Map.of()));

        assertThat(manifests.kinds()).containsExactly("Deployment", "HorizontalPodAutoscaler", "Job", "PodDisruptionBudget",
                "Service", "ServiceAccount");
        assertValid(manifests);
    }

    @Test
    void theProductionExampleRendersValidManifestsWithEveryPartWired() {
        Manifests manifests = Manifests.parse(Charts.template(Map.of(), Charts.PRODUCTION_VALUES));

        assertThat(manifests.kinds()).containsExactly("Deployment", "HorizontalPodAutoscaler", "Ingress", "Ingress", "Job",
                "PodDisruptionBudget", "Service", "ServiceAccount", "ServiceMonitor");
        assertValid(manifests);

        Map<String, Object> deployment = manifests.one("Deployment");
        Map<String, Object> pod = cast(at(deployment, "spec", "template", "spec"));
        Map<String, Object> container = cast(at(pod, "containers", 0));
        assertThat(container.get("image")).isEqualTo("registry.charging.example/platform/chargebase:0.1.0");
        assertThat(at(deployment, "spec", "replicas")).as("the autoscaler decides").isNull();

        // non-root, read-only, nothing extra
        assertThat(at(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat((Integer) at(pod, "securityContext", "runAsUser")).isPositive();
        assertThat(at(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(at(container, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(at(container, "securityContext", "capabilities", "drop")).isEqualTo(List.of("ALL"));
        assertThat(at(container, "volumeMounts", 0, "mountPath")).isEqualTo("/tmp");
        assertThat(at(pod, "automountServiceAccountToken")).isEqualTo(false);

        // probes on the management port, a drain before the stop, a grace period longer than both
        assertThat(at(container, "startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
        assertThat(at(container, "readinessProbe", "httpGet", "port")).isEqualTo("management");
        assertThat(at(container, "ports", 1, "containerPort")).isEqualTo(8081);
        assertThat(at(container, "lifecycle", "preStop", "exec", "command")).isEqualTo(List.of("sleep", "10"));
        assertThat((Integer) at(pod, "terminationGracePeriodSeconds")).isGreaterThan(30 + 10);
        assertThat(at(container, "resources", "limits", "memory")).isEqualTo("2Gi");

        // replicas: no migrations, the application's own login, never the owner's; settings by reference
        Map<String, String> replicaEnv = env(deployment, 0);
        assertThat(replicaEnv).containsEntry("CHARGEBASE_DATABASE_MIGRATE_ON_START", "false")
                .containsEntry("CHARGEBASE_DATABASE_APP_USERNAME", "secret:chargebase-database-app/username")
                .containsEntry("CHARGEBASE_DATABASE_APP_PASSWORD", "secret:chargebase-database-app/password")
                .containsEntry("CHARGEBASE_SECURITY_SIGNING_KEY_ENCRYPTION_KEY", "secret:chargebase-keys/signing-key-encryption-key")
                .containsEntry("CHARGEBASE_STRIPE_API_KEY", "secret:chargebase-stripe/api-key")
                .containsEntry("CHARGEBASE_STRIPE_WEBHOOK_SECRET", "secret:chargebase-stripe/webhook-secret")
                .containsEntry("SPRING_MAIL_HOST", "smtp.mail.example")
                .containsEntry("SPRING_MAIL_USERNAME", "secret:chargebase-smtp/username")
                .containsEntry("CHARGEBASE_MAIL_FROM", "no-reply@charge.example")
                .containsEntry("CHARGEBASE_HTTP_TRUSTED_PROXIES", "10.244.0.0/16")
                .doesNotContainKeys("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD", "CHARGEBASE_BOOTSTRAP_ADMIN_PASSWORD");
        assertThat(replicaEnv.get("SPRING_APPLICATION_JSON")).contains("\"chargebase.housekeeping.interval\":\"PT30M\"")
                .contains("\"spring.mail.properties.mail.smtp.starttls.enable\":\"true\"")
                .contains("\"chargebase.mail.tenant-from.acme\":\"charging@acme.example\"");

        // the migration job: a hook before install and upgrade, the same image in migrate mode, the owner and the bootstrap
        Map<String, Object> job = manifests.one("Job");
        assertThat(at(job, "metadata", "annotations", Charts.HOOK_ANNOTATION)).isEqualTo("pre-install,pre-upgrade");
        Map<String, Object> migrate = cast(at(job, "spec", "template", "spec", "containers", 0));
        assertThat(migrate.get("image")).isEqualTo(container.get("image"));
        assertThat(migrate.get("args")).isEqualTo(List.of("--chargebase.mode=migrate"));
        assertThat(at(job, "spec", "template", "spec", "restartPolicy")).isEqualTo("Never");
        assertThat(env(job, 0)).containsEntry("SPRING_DATASOURCE_USERNAME", "secret:chargebase-database-owner/username")
                .containsEntry("SPRING_DATASOURCE_URL", replicaEnv.get("SPRING_DATASOURCE_URL"))
                .containsEntry("CHARGEBASE_BOOTSTRAP_ADMIN_EMAIL", "secret:chargebase-bootstrap/admin-email")
                .containsEntry("CHARGEBASE_BOOTSTRAP_CLIENT_SECRET", "secret:chargebase-bootstrap/client-secret");

        // WebSocket paths get proxy timeouts far above the chargers' 30 s ping; everything else the usual ones
        Map<String, Object> websocket = manifests.named("Ingress", "-websocket").orElseThrow();
        assertThat(paths(websocket)).containsExactly("/ocpp", "/graphql");
        assertThat(Integer.parseInt((String) at(websocket, "metadata", "annotations", "nginx.ingress.kubernetes.io/proxy-read-timeout")))
                .isGreaterThanOrEqualTo(3600);
        assertThat(at(websocket, "metadata", "annotations", "nginx.ingress.kubernetes.io/proxy-send-timeout")).isEqualTo("3600");
        Map<String, Object> http = manifests.named("Ingress", "-http").orElseThrow();
        assertThat(paths(http)).containsExactly("/");
        assertThat(at(http, "metadata", "annotations", "nginx.ingress.kubernetes.io/proxy-read-timeout")).isNull();
        assertThat(at(http, "spec", "tls", 0, "hosts")).isEqualTo(List.of("api.charging.example", "charge.tenant-brand.example"));
        assertThat(at(http, "metadata", "annotations", "cert-manager.io/cluster-issuer")).isEqualTo("letsencrypt");

        assertThat(at(manifests.one("HorizontalPodAutoscaler"), "spec", "minReplicas")).isEqualTo(3);
        assertThat(at(manifests.one("PodDisruptionBudget"), "spec", "maxUnavailable")).isEqualTo(1);
        Map<String, Object> monitor = manifests.one("ServiceMonitor");
        assertThat(at(monitor, "spec", "endpoints", 0, "port")).isEqualTo("management");
        assertThat(at(monitor, "spec", "endpoints", 0, "path")).isEqualTo("/actuator/prometheus");
        assertThat(at(manifests.one("Service"), "spec", "ports", 1, "name")).isEqualTo("management");
    }

    @Test
    void withoutAnApplicationLoginReplicasUseTheOwnersAndAnImageDigestWinsOverTheTag() {
        Manifests manifests = Manifests.parse(Charts.template(Map.of("database.app.existingSecret", "",
                "image.digest", "sha256:" + "ab".repeat(32), "autoscaling.enabled", false, "replicaCount", 3)));

        assertValid(manifests);
        Map<String, Object> deployment = manifests.one("Deployment");
        assertThat(env(deployment, 0)).containsEntry("SPRING_DATASOURCE_USERNAME", "secret:chargebase-database-owner/username")
                .doesNotContainKey("CHARGEBASE_DATABASE_APP_USERNAME");
        assertThat(at(deployment, "spec", "template", "spec", "containers", 0, "image")).isEqualTo("chargebase@sha256:" + "ab".repeat(32));
        assertThat(at(deployment, "spec", "replicas")).isEqualTo(3);
        assertThat(manifests.kinds()).doesNotContain("HorizontalPodAutoscaler");
    }

    /** The README's "Deploy" section installs with a values file; the one it shows renders as well. */
    @Test
    void theReadmesValuesFileRendersValidManifests() throws IOException {
        Matcher block = Pattern.compile("```yaml\n(# values-production\\.yaml\n.*?)```", Pattern.DOTALL).matcher(Files.readString(Charts.README));
        assertThat(block.find()).as("the README's Deploy section shows values-production.yaml").isTrue();
        Path values = Files.writeString(temporary.resolve("values-production.yaml"), block.group(1));

        Manifests manifests = Manifests.parse(Charts.template(Map.of(), values));

        assertValid(manifests);
        assertThat(manifests.kinds()).contains("Ingress");
        assertThat(env(manifests.one("Job"), 0)).containsKey("CHARGEBASE_BOOTSTRAP_ADMIN_PASSWORD");
    }

    static void assertValid(Manifests manifests) {
        assertThat(manifests.documents()).isNotEmpty();
        assertThat(manifests.documents().stream().flatMap(manifest -> KubernetesSchemas.problems(manifest).stream()).toList()).isEmpty();
    }

    /** Helm's coalescing: maps merge key by key, anything else is replaced. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> merge(Map<String, Object> defaults, Map<String, Object> overrides) {
        Map<String, Object> merged = new java.util.LinkedHashMap<>(defaults);
        overrides.forEach((key, value) -> merged.merge(key, value, (old, given) -> old instanceof Map && given instanceof Map
                ? merge((Map<String, Object>) old, (Map<String, Object>) given) : given));
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static List<String> paths(Map<String, Object> ingress) {
        List<Map<String, Object>> paths = (List<Map<String, Object>>) at(ingress, "spec", "rules", 0, "http", "paths");
        return paths.stream().map(path -> (String) path.get("path")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object node) {
        return (Map<String, Object>) node;
    }
}
