package io.chargebase.domain.organisation;

import java.util.UUID;

/**
 * A page of profiles in name order. {@code subtreeOf} keeps those in that unit or below it; {@code text} matches
 * name, e-mail, phone or external reference; {@code after} continues after the profile it names.
 */
public record ProfileQuery(UUID subtreeOf, String text, ProfileStatus status, ProfileCursor after, int limit) {

    /** Where a page ended: the name and id of its last profile. */
    public record ProfileCursor(String name, UUID id) {
    }
}
