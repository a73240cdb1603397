package io.chargebase.domain.charging.lifecycle;

import java.util.List;

/** The outcome of a legal transition: the next state, how to store it, and what to publish once it is stored. */
public record Transition(SessionState next, Write write, List<SessionEvent> events) {

    public Transition {
        events = List.copyOf(events);
    }

    /** How the next state is stored; an update only over the version the previous state was loaded with. */
    public sealed interface Write {
    }

    /** A new session (version 0). */
    public record Insert() implements Write {
    }

    /** A pending session the charger started; {@code reservationId} the reservation it used, if any. */
    public record Start(long expectedVersion, Integer reservationId) implements Write {
    }

    /** A session that stopped, was finished by the platform, or whose stop corrected it. */
    public record Stop(long expectedVersion) implements Write {
    }
}
