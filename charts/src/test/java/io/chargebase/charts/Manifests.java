package io.chargebase.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The documents `helm template` printed, as plain maps and lists. */
record Manifests(List<Map<String, Object>> documents) {

    @SuppressWarnings("unchecked")
    static Manifests parse(String rendered) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(rendered)) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return new Manifests(List.copyOf(documents));
    }

    List<String> kinds() {
        return documents.stream().map(document -> (String) document.get("kind")).sorted().toList();
    }

    List<Map<String, Object>> all(String kind) {
        return documents.stream().filter(document -> kind.equals(document.get("kind"))).toList();
    }

    Map<String, Object> one(String kind) {
        List<Map<String, Object>> found = all(kind);
        if (found.size() != 1) {
            throw new AssertionError("Expected one " + kind + " but found " + found.size() + " in " + kinds());
        }
        return found.getFirst();
    }

    Optional<Map<String, Object>> named(String kind, String nameSuffix) {
        return all(kind).stream().filter(document -> String.valueOf(at(document, "metadata", "name")).endsWith(nameSuffix)).findFirst();
    }

    /** The value at a path of map keys and list indexes, or null. */
    @SuppressWarnings("unchecked")
    static Object at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(step);
            } else if (current instanceof List<?> list && step instanceof Integer index && index < list.size()) {
                current = list.get(index);
            } else {
                return null;
            }
        }
        return current;
    }

    /** The container's environment as name to value, or to "secret:NAME/KEY" for a Secret's key. */
    @SuppressWarnings("unchecked")
    static Map<String, String> env(Map<String, Object> workload, int container) {
        Object podSpec = "Job".equals(workload.get("kind")) || "Deployment".equals(workload.get("kind"))
                ? at(workload, "spec", "template", "spec") : null;
        List<Map<String, Object>> env = (List<Map<String, Object>>) at(podSpec, "containers", container, "env");
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (Map<String, Object> variable : env) {
            Object secret = at(variable, "valueFrom", "secretKeyRef");
            values.put((String) variable.get("name"), secret == null ? String.valueOf(variable.get("value"))
                    : "secret:" + at(secret, "name") + "/" + at(secret, "key"));
        }
        return values;
    }
}
