package io.chargebase.api.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stripe's own example objects ({@code shared/reference/stripe/fixtures3.json} beside the project, read where it lies),
 * for WireMock to answer with: a copy of one resource with the fields a test cares about replaced.
 */
public final class StripeFixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static JsonNode resources;

    private StripeFixtures() {
    }

    /** The example {@code resource} (e.g. "customer", "setup_intent") as JSON, with {@code fields} set on top. */
    public static String of(String resource, Map<String, ?> fields) {
        ObjectNode copy = (ObjectNode) resources().path(resource).deepCopy();
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("fixtures3.json has no resource " + resource);
        }
        fields.forEach((field, value) -> copy.set(field, JSON.valueToTree(value)));
        return JSON.writeValueAsString(copy);
    }

    private static synchronized JsonNode resources() {
        if (resources == null) {
            String configured = System.getProperty("chargebase.reference");
            Path file = configured != null ? Path.of(configured).resolve("stripe/fixtures3.json") : null;
            for (Path dir = Path.of("").toAbsolutePath(); file == null && dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve("shared/reference/stripe/fixtures3.json");
                if (Files.isRegularFile(candidate)) {
                    file = candidate;
                }
            }
            if (file == null) {
                throw new AssertionError("shared/reference/stripe/fixtures3.json not found above " + Path.of("").toAbsolutePath());
            }
            try {
                resources = JSON.readTree(Files.readString(file)).path("resources");
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
        return resources;
    }
}
