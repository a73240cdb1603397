package io.chargebase.ocpp.rpc;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map that forgets its oldest entry once it holds more than its capacity. Not thread-safe. */
final class BoundedMap {

    private BoundedMap() {
    }

    static <V> Map<String, V> keepingLast(int capacity) {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
