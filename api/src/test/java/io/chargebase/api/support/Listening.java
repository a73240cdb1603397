package io.chargebase.api.support;

import java.time.Duration;

import io.chargebase.api.live.LiveUpdates;

/** Waiting for a GraphQL subscription to listen: live updates published before that are not meant for it. */
public final class Listening {

    private Listening() {
    }

    /** Returns once this instance has more subscribers than {@code before}; fails after {@code wait}. */
    public static void awaitMoreThan(LiveUpdates live, int before, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (live.subscribers() <= before) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the subscription never started listening");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the subscription", e);
            }
        }
    }
}
