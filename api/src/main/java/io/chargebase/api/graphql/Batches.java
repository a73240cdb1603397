package io.chargebase.api.graphql;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The plumbing of {@code @BatchMapping} methods: a page's nested field is read for all its rows with one lookup of
 * the keys they carry, so that what a request costs does not grow with its page size.
 */
public final class Batches {

    private Batches() {
    }

    /**
     * The value each source refers to by {@code key}, with one {@code load} of all the keys (none when no source has
     * one); a source without a key, or whose key found nothing, is left out (the field is null).
     */
    public static <S, K, V> Map<S, V> toOne(List<S> sources, Function<S, K> key, Function<Collection<K>, Map<K, V>> load) {
        Set<K> keys = new LinkedHashSet<>();
        for (S source : sources) {
            K k = key.apply(source);
            if (k != null) {
                keys.add(k);
            }
        }
        Map<K, V> found = keys.isEmpty() ? Map.of() : load.apply(keys);
        Map<S, V> result = new LinkedHashMap<>();
        for (S source : sources) {
            K k = key.apply(source);
            V value = k == null ? null : found.get(k);
            if (value != null) {
                result.put(source, value);
            }
        }
        return result;
    }

    /** The last of each list (the newest of versions kept oldest first); empty lists are left out. */
    public static <K, V> Map<K, V> latest(Map<K, List<V>> lists) {
        Map<K, V> result = new LinkedHashMap<>();
        lists.forEach((k, list) -> {
            if (!list.isEmpty()) {
                result.put(k, list.getLast());
            }
        });
        return result;
    }

    public static <K, V, W> Map<K, W> mapValues(Map<K, V> map, Function<V, W> mapping) {
        Map<K, W> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(k, mapping.apply(v)));
        return result;
    }
}
