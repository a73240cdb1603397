package io.chargebase.ocpp.rpc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Time that moves only when a test says so. */
final class ManualScheduler implements TimeoutScheduler {

    private Duration now = Duration.ZERO;
    private final List<Task> tasks = new ArrayList<>();

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Task scheduled = new Task(now.plus(delay), task);
        tasks.add(scheduled);
        return () -> scheduled.cancelled = true;
    }

    void advance(Duration by) {
        Duration until = now.plus(by);
        while (true) {
            Task due;
            synchronized (this) {
                due = tasks.stream().filter(t -> !t.cancelled && t.at.compareTo(until) <= 0)
                        .min(Comparator.comparing(t -> t.at)).orElse(null);
                if (due == null) {
                    now = until;
                    return;
                }
                tasks.remove(due);
                now = due.at;
            }
            due.run.run();
        }
    }

    synchronized long pending() {
        return tasks.stream().filter(t -> !t.cancelled).count();
    }

    private static final class Task {

        final Duration at;
        final Runnable run;
        volatile boolean cancelled;

        Task(Duration at, Runnable run) {
            this.at = at;
            this.run = run;
        }
    }
}
