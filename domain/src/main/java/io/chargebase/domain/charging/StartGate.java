package io.chargebase.domain.charging;

import java.util.Optional;
import java.util.UUID;

/**
 * A rule of another context about whether a driver may start a session now (billing's: a saved card, nothing unpaid),
 * asked by {@link StartPermissions} at Authorize, at StartTransaction and before a remote or app start. Implemented
 * where the rule lives, so charging depends on no such context. Runs in the tenant of the charger or caller.
 */
public interface StartGate {

    /** Why the driver may not start now, in words the driver reads; empty when they may. */
    Optional<String> refusal(UUID profileId);
}
