package io.chargebase.domain.charging.lifecycle;

import java.util.UUID;

/**
 * Another writer changed the session after it was loaded: the save wrote nothing. The decision was taken on a state
 * that no longer holds; load it again and decide again ({@link Retry}).
 */
public class LostUpdate extends RuntimeException {

    public LostUpdate(UUID sessionId, long expectedVersion) {
        super("Session " + sessionId + " changed since it was loaded at version " + expectedVersion);
    }
}
