package io.chargebase.api.revocation;

import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One revoking change, as the database announces it. {@code tenant} is empty for the platform (its staff and
 * clients); {@code user}, {@code client} and {@code chargePoint} are set for their kinds.
 */
public record Revoked(Kind kind, Optional<UUID> tenant, Optional<UUID> user, Optional<String> client, Optional<UUID> chargePoint) {

    public static final String CHANNEL = "chargebase_revoked";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public enum Kind { USER, CLIENT, TENANT, CHARGE_POINT }

    /** The announcement's payload; empty when it is not one (never thrown: a listener must keep listening). */
    static Optional<Revoked> parse(String payload) {
        try {
            JsonNode json = JSON.readTree(payload);
            Kind kind = Kind.valueOf(json.path("kind").asString().toUpperCase(java.util.Locale.ROOT));
            return Optional.of(new Revoked(kind, uuid(json, "tenant"), uuid(json, "user"), text(json, "client"), uuid(json, "chargePoint")));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private static Optional<UUID> uuid(JsonNode json, String field) {
        return text(json, field).map(UUID::fromString);
    }

    private static Optional<String> text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isString() ? Optional.of(value.asString()) : Optional.empty();
    }
}
