package io.chargebase.domain.organisation;

import java.util.List;
import java.util.UUID;

/**
 * A business-partner group (its members are organisation units, and their sub-units with them) or a user group (its
 * members are profiles).
 */
public record Group(UUID id, String name, List<UUID> memberIds) {
}
