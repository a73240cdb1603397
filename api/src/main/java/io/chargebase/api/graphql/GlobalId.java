package io.chargebase.api.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Opaque global ids: base64url of {@code Type:uuid}. Clients must not parse them; the server decodes them and
 * checks the type, so an organisation-unit id passed where a profile id is expected is simply not found.
 */
public record GlobalId(String type, UUID id) {

    public static String encode(String type, UUID id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((type + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static Optional<GlobalId> decode(String globalId) {
        if (globalId == null || globalId.length() > 200) {
            return Optional.empty();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(globalId), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            if (colon < 1) {
                return Optional.empty();
            }
            return Optional.of(new GlobalId(raw.substring(0, colon), UUID.fromString(raw.substring(colon + 1))));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** The id of an object of the given type, or a user error naming the input field. */
    public static UUID require(String type, String globalId, String field) {
        return decode(globalId).filter(id -> id.type().equals(type)).map(GlobalId::id)
                .orElseThrow(() -> new UnknownIdException(field, type));
    }

    /** Like {@link #require}, but {@code null} stays {@code null}. */
    public static UUID optional(String type, String globalId, String field) {
        return globalId == null ? null : require(type, globalId, field);
    }

    /** A global id that does not name an object of the expected type. */
    public static class UnknownIdException extends RuntimeException {

        private final String field;

        UnknownIdException(String field, String type) {
            super("No " + type + " has this id.");
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
