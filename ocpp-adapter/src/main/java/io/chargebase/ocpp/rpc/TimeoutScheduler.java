package io.chargebase.ocpp.rpc;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs a task after a delay, unless cancelled first: how an endpoint times out its calls (injected, for tests). */
@FunctionalInterface
public interface TimeoutScheduler {

    Cancellable schedule(Duration delay, Runnable task);

    @FunctionalInterface
    interface Cancellable {

        void cancel();
    }

    /** Backed by an executor that many endpoints can share. */
    static TimeoutScheduler using(ScheduledExecutorService executor) {
        return (delay, task) -> {
            ScheduledFuture<?> future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        };
    }
}
