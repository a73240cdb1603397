package io.chargebase.domain.charging.lifecycle;

import java.util.function.Supplier;

/**
 * Load → decide → save, again when the save finds that another writer came first. The attempt must be a transaction
 * of its own (a lost update rolls it back whole); after {@code attempts} lost races the last {@link LostUpdate} is
 * thrown, and the message that caused it is refused rather than applied to a state it was not decided on.
 */
public final class Retry {

    private Retry() {
    }

    public static <T> T onLostUpdate(int attempts, Supplier<T> attempt) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        for (int tried = 1; ; tried++) {
            try {
                return attempt.get();
            } catch (LostUpdate lost) {
                if (tried >= attempts) {
                    throw lost;
                }
            }
        }
    }
}
