package io.chargebase.domain.operations.command;

import java.util.List;

/**
 * What a charger answered to a {@link Command}, decoded by the protocol mapping. The actions log keeps the wire
 * payloads besides; this is what the platform acts on (a pending session after an accepted start, a reservation's
 * state, the configuration keys to change).
 */
public sealed interface Answer {

    /** The answer's status, e.g. whether the charger accepted a start. */
    record Acknowledged(CommandStatus status) implements Answer {
    }

    /** The keys the charger reported, and those it does not know. */
    record Configuration(List<Key> keys, List<String> unknownKeys) implements Answer {

        public Configuration {
            keys = List.copyOf(keys);
            unknownKeys = List.copyOf(unknownKeys);
        }

        /** {@code value} null when the charger holds none. */
        public record Key(String key, boolean readonly, String value) {
        }
    }

    /** The version of the local list the charger holds (0: none, -1: it keeps no local list). */
    record LocalListVersion(int version) implements Answer {
    }

    /** The file the charger will upload; null when it has nothing. */
    record DiagnosticsFile(String fileName) implements Answer {
    }

    /** The charger took the request; the answer carries nothing else (progress follows in notifications). */
    record Received() implements Answer {
    }

    record DataTransferReply(CommandStatus status, String data) implements Answer {
    }

    /** Whether this answer says the charger accepted (an answer without a status says it took the request). */
    default boolean accepted() {
        return switch (this) {
            case Acknowledged acknowledged -> acknowledged.status() == CommandStatus.ACCEPTED;
            case DataTransferReply reply -> reply.status() == CommandStatus.ACCEPTED;
            case Configuration configuration -> true;
            case LocalListVersion version -> true;
            case DiagnosticsFile file -> true;
            case Received received -> true;
        };
    }
}
