package io.chargebase.api.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/** A Relay cursor connection; {@code totalCount} is null where the schema has none. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, Long totalCount) {

    public static final int MAX_PAGE_SIZE = 100;

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    public static <T> Connection<T> of(List<T> items, boolean hasNext, boolean hasPrevious, Long totalCount,
            Function<T, String> cursorOf) {
        List<Edge<T>> edges = items.stream().map(item -> new Edge<>(encodeCursor(cursorOf.apply(item)), item)).toList();
        return new Connection<>(edges, new PageInfo(hasNext, hasPrevious,
                edges.isEmpty() ? null : edges.getFirst().cursor(),
                edges.isEmpty() ? null : edges.getLast().cursor()), totalCount);
    }

    /**
     * A page keyed by a plain string position (a slug, an e-mail address): asks {@code fetch} for one row more than
     * the page holds, to learn whether another page follows.
     */
    public static <T> Connection<T> keyed(Integer first, String after, java.util.function.BiFunction<String, Integer, List<T>> fetch,
            Function<T, String> keyOf) {
        int size = pageSize(first);
        List<T> rows = fetch.apply(after == null ? null : decodeCursor(after), size + 1);
        boolean more = rows.size() > size;
        return of(more ? rows.subList(0, size) : rows, more, after != null, null, keyOf);
    }

    /**
     * Whether the request asks for the connection's {@code totalCount}, which costs a count of every matching row. Read
     * off the field's own selections (through fragments), not its {@code DataFetchingFieldSelectionSet}, which would
     * resolve every field below the connection first.
     */
    public static boolean counts(graphql.schema.DataFetchingEnvironment environment) {
        if (environment == null || environment.getMergedField() == null) {
            return true;
        }
        for (graphql.language.Field field : environment.getMergedField().getFields()) {
            if (selects(field.getSelectionSet(), "totalCount", environment.getFragmentsByName(), 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean selects(graphql.language.SelectionSet selections, String name,
            java.util.Map<String, graphql.language.FragmentDefinition> fragments, int depth) {
        if (selections == null || depth > GraphQlConfiguration.MAX_DEPTH) {
            return false;
        }
        for (graphql.language.Selection<?> selection : selections.getSelections()) {
            boolean found = switch (selection) {
                case graphql.language.Field field -> field.getName().equals(name);
                case graphql.language.InlineFragment inline -> selects(inline.getSelectionSet(), name, fragments, depth + 1);
                case graphql.language.FragmentSpread spread -> fragments.containsKey(spread.getName())
                        && selects(fragments.get(spread.getName()).getSelectionSet(), name, fragments, depth + 1);
                default -> false;
            };
            if (found) {
                return true;
            }
        }
        return false;
    }

    /** The page size asked for, or a bad-request error when it is out of range. */
    public static int pageSize(Integer first) {
        int size = first == null ? 20 : first;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequestException("'first' must be between 1 and " + MAX_PAGE_SIZE + ", not " + size + ".");
        }
        return size;
    }

    /** The id an id-keyed page continues after; null for the first page, a bad-request error for a cursor not from us. */
    public static java.util.UUID afterId(String after) {
        if (after == null) {
            return null;
        }
        try {
            return java.util.UUID.fromString(decodeCursor(after));
        } catch (IllegalArgumentException malformed) {
            throw new BadRequestException("'after' is not a cursor this API returned.");
        }
    }

    public static String encodeCursor(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The raw position a cursor encodes, or a bad-request error when it is not one of ours. */
    public static String decodeCursor(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new BadRequestException("'after' is not a cursor this API returned.");
        }
    }
}
