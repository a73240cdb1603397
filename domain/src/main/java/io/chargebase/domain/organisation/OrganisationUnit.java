package io.chargebase.domain.organisation;

import java.time.Instant;
import java.util.UUID;

public record OrganisationUnit(UUID id, UUID parentId, String name, OuPath path, Instant createdAt, Instant updatedAt) {

    public boolean isRoot() {
        return parentId == null;
    }

    public int depth() {
        return path.depth();
    }
}
