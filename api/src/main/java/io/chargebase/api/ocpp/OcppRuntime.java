package io.chargebase.api.ocpp;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.chargebase.ocpp.rpc.TimeoutScheduler;

/**
 * The threads the OCPP transport runs on: virtual threads for chargers' messages and relayed commands (they block
 * on the database), and one scheduler thread, shared by every connection, for call timeouts and pings.
 */
@Component
class OcppRuntime implements DisposableBean {

    private final ExecutorService work = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ocpp-", 0).factory());
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ocpp-timer").daemon().factory());
    private final TimeoutScheduler timeouts = TimeoutScheduler.using(scheduler);

    ExecutorService work() {
        return work;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    TimeoutScheduler timeouts() {
        return timeouts;
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
        work.shutdownNow();
    }
}
