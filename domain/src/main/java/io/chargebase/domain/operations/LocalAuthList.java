package io.chargebase.domain.operations;

import java.time.Instant;
import java.util.List;

/**
 * A local authorisation list to send to a charger: {@code full} replaces the charger's list, otherwise the entries
 * update it. {@code version} is the one the charger will report once it holds the list.
 */
public record LocalAuthList(int version, boolean full, List<Entry> entries, Instant builtAt) {

    /** One id tag, as the charger may treat it offline; {@code expiry} when it has one. */
    public record Entry(String idTag, Status status, Instant expiry) {
    }

    public enum Status { ACCEPTED, BLOCKED, EXPIRED }
}
