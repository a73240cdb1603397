package io.chargebase.domain;

import java.util.List;

/** One page of a longer list, with whether more follow and how many match in all ({@link #NOT_COUNTED} when not asked). */
public record Page<T>(List<T> items, boolean hasMore, long totalCount) {

    /** The total of a page read without counting what matches (the caller did not ask). */
    public static final long NOT_COUNTED = -1;

    /** The total, or null when not counted. */
    public Long counted() {
        return totalCount == NOT_COUNTED ? null : totalCount;
    }
}
