package io.chargebase.domain.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The materialised path of an organisation unit: the ids from the root down to the unit, written
 * {@code /root/child/unit/}. A subtree is every path that starts with its root's path.
 */
public record OuPath(String value) {

    public OuPath {
        Objects.requireNonNull(value, "path");
        if (!value.startsWith("/") || !value.endsWith("/") || value.length() < 3) {
            throw new IllegalArgumentException("Not an OU path: " + value);
        }
    }

    public static OuPath root(UUID id) {
        return new OuPath("/" + id + "/");
    }

    public OuPath child(UUID id) {
        return new OuPath(value + id + "/");
    }

    /** True for this path itself and for every path below it. */
    public boolean contains(OuPath other) {
        return other.value.startsWith(value);
    }

    public int depth() {
        return (int) value.chars().filter(c -> c == '/').count() - 2;
    }

    public List<UUID> ids() {
        List<UUID> ids = new ArrayList<>();
        for (String part : value.substring(1, value.length() - 1).split("/")) {
            ids.add(UUID.fromString(part));
        }
        return ids;
    }

    public UUID leaf() {
        List<UUID> ids = ids();
        return ids.get(ids.size() - 1);
    }

    /** This path as it reads after the subtree rooted at {@code from} has been moved to {@code to}. */
    public OuPath rebase(OuPath from, OuPath to) {
        if (!from.contains(this)) {
            throw new IllegalArgumentException(value + " is not inside " + from.value);
        }
        return new OuPath(to.value + value.substring(from.value.length()));
    }

    /** The SQL LIKE pattern matching this subtree. Ids and slashes hold no LIKE wildcards. */
    public String subtreePattern() {
        return value + "%";
    }

    @Override
    public String toString() {
        return value;
    }
}
