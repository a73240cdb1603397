package io.chargebase.domain.rating;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared OCPI reference data, read where it lies ({@code shared/reference/ocpi} beside the project), never copied.
 * Found by walking up from the working directory, or at {@code -Dchargebase.reference=...}; missing data fails the
 * tests rather than skipping them.
 */
final class ReferenceData {

    /** Lenient for the JSON5-style expected outputs (comments, trailing commas); exact decimals for amounts. */
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_YAML_COMMENTS, JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ReferenceData() {
    }

    static Path ocpi() {
        String configured = System.getProperty("chargebase.reference");
        if (configured != null) {
            return existing(Path.of(configured).resolve("ocpi"));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/reference/ocpi");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("OCPI reference data not found: expected shared/reference/ocpi above "
                + Path.of("").toAbsolutePath() + " (or set -Dchargebase.reference)");
    }

    static Path existing(Path path) {
        if (!Files.exists(path)) {
            throw new AssertionError("Missing reference data: " + path);
        }
        return path;
    }

    static String read(Path file) {
        try {
            return Files.readString(existing(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(Path file) {
        return LENIENT.readTree(read(file));
    }
}
