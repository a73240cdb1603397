package io.chargebase.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.Gson;
import com.google.gson.JsonElement;

import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

/**
 * Checks a manifest against the Kubernetes API's schema, as the API server's strict field validation would: the
 * official Java client's models are generated from the Kubernetes OpenAPI document (1.32 for client 24), and each
 * validates a JSON object recursively against it, refusing fields the schema lacks, missing required fields and
 * objects where strings belong; reading it into the typed model then refuses values that are not numbers where the
 * schema has integers. Custom resources (the Prometheus Operator's ServiceMonitor) are checked for the fields this
 * chart uses only.
 */
final class KubernetesSchemas {

    private static final Gson GSON = new Gson();
    private static final JSON TYPED = new JSON();

    private interface Validator {
        void validate(JsonElement json) throws Exception;
    }

    private record Model(Validator validator, Class<?> type) {
    }

    private static final Map<String, Model> MODELS = Map.of(
            "apps/v1/Deployment", new Model(V1Deployment::validateJsonElement, V1Deployment.class),
            "v1/Service", new Model(V1Service::validateJsonElement, V1Service.class),
            "v1/ServiceAccount", new Model(V1ServiceAccount::validateJsonElement, V1ServiceAccount.class),
            "networking.k8s.io/v1/Ingress", new Model(V1Ingress::validateJsonElement, V1Ingress.class),
            "autoscaling/v2/HorizontalPodAutoscaler", new Model(V2HorizontalPodAutoscaler::validateJsonElement, V2HorizontalPodAutoscaler.class),
            "policy/v1/PodDisruptionBudget", new Model(V1PodDisruptionBudget::validateJsonElement, V1PodDisruptionBudget.class),
            "batch/v1/Job", new Model(V1Job::validateJsonElement, V1Job.class));

    private KubernetesSchemas() {
    }

    /** What is wrong with the manifest; empty when the API server would take it. */
    static List<String> problems(Map<String, Object> manifest) {
        String type = manifest.get("apiVersion") + "/" + manifest.get("kind");
        String name = type + " " + Manifests.at(manifest, "metadata", "name");
        if (type.equals("monitoring.coreos.com/v1/ServiceMonitor")) {
            return serviceMonitorProblems(manifest, name);
        }
        Model model = MODELS.get(type);
        if (model == null) {
            return List.of(name + ": no schema known for " + type);
        }
        JsonElement json = GSON.toJsonTree(manifest);
        try {
            model.validator().validate(json);
            TYPED.getGson().fromJson(json, model.type());
            return List.of();
        } catch (Exception refused) {
            return List.of(name + ": " + refused.getMessage());
        }
    }

    private static List<String> serviceMonitorProblems(Map<String, Object> manifest, String name) {
        List<String> problems = new ArrayList<>();
        unknown(problems, name, manifest, Set.of("apiVersion", "kind", "metadata", "spec"));
        Object spec = manifest.get("spec");
        if (!(spec instanceof Map<?, ?> fields) || !(fields.get("selector") instanceof Map) || !(fields.get("endpoints") instanceof List<?> endpoints)) {
            problems.add(name + ": spec needs a selector and endpoints");
            return problems;
        }
        unknown(problems, name + " spec", fields, Set.of("selector", "endpoints", "namespaceSelector", "jobLabel"));
        for (Object endpoint : endpoints) {
            if (endpoint instanceof Map<?, ?> map) {
                unknown(problems, name + " endpoint", map, Set.of("port", "path", "interval", "scrapeTimeout", "scheme"));
            } else {
                problems.add(name + ": an endpoint is not an object");
            }
        }
        return problems;
    }

    private static void unknown(List<String> problems, String where, Map<?, ?> map, Set<String> known) {
        map.keySet().stream().filter(key -> !known.contains(key)).forEach(key -> problems.add(where + ": unknown field " + key));
    }
}
