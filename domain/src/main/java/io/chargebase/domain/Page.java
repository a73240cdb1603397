package io.chargebase.domain;

import java.util.List;

/** One page of a longer list, with whether more follow and how many match in all. */
public record Page<T>(List<T> items, boolean hasMore, long totalCount) {
}
