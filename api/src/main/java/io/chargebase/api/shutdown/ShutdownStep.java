package io.chargebase.api.shutdown;

import org.springframework.context.SmartLifecycle;

/**
 * One step of an instance's shutdown, run once in its {@link ShutdownPhases phase}. A paused context (Spring's test
 * contexts between uses) is no shutdown: nothing is drained or refused then.
 */
public abstract class ShutdownStep implements SmartLifecycle {

    private final int phase;
    private volatile boolean running;
    private volatile boolean shuttingDown;

    protected ShutdownStep(int phase) {
        this.phase = phase;
    }

    /** Does the step's work; returns when it is done or has given up. */
    protected abstract void shutDown();

    /** True from the moment this step began until the context starts again. */
    protected final boolean shuttingDown() {
        return shuttingDown;
    }

    @Override
    public final void start() {
        shuttingDown = false;
        running = true;
    }

    @Override
    public final void stop() {
        running = false;
        shuttingDown = true;
        shutDown();
    }

    @Override
    public final boolean isRunning() {
        return running;
    }

    @Override
    public final boolean isPauseable() {
        return false;
    }

    @Override
    public final int getPhase() {
        return phase;
    }
}
