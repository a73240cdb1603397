package io.chargebase.domain.charging;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.domain.charging.internal.ChargerRows;
import io.chargebase.domain.charging.internal.SessionRows;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Group commit for MeterValues, the message chargers send most. The thread serving a charger queues the message and
 * waits; writer threads take whatever has queued meanwhile and store it in one transaction per tenant: the sessions
 * of all messages read at once, all samples in one insert, all sessions' newest readings in one update, the chargers
 * recorded as heard from in one statement, one commit. The charger is answered only after that commit, so an answered
 * MeterValues is stored. Under light load a batch is a single message and nothing waits; under heavy load batches
 * grow, and the cost per message falls.
 *
 * <p>A batch that fails is retried message by message, each in its own transaction, so one bad message costs only its
 * own answer. When the queue is full, the caller writes its message itself (the back-pressure reaches the charger).
 */
@Component
class MeterValueWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MeterValueWriter.class);
    static final int MAX_BATCH = 500;
    private static final int CAPACITY = 10_000;
    private static final int WRITERS = 2;

    /**
     * {@code context} and {@code logContext}: the caller's (its observation and whatever else is propagated, its log
     * fields), so that the writer's SQL and log lines are in the message's trace.
     */
    private record Queued(ChargerRef charger, int connectorId, Integer transactionId, List<ChargerEvents.MeterSample> samples,
            CompletableFuture<Void> done, ContextSnapshot context, Map<String, String> logContext) {
    }

    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private final SessionRows sessions;
    private final ChargerRows chargers;
    private final MeterReadings readings;
    private final LiveSessions live;
    private final SessionStopLimits stopLimits;
    private final HeardFrom heardFrom;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final DistributionSummary batchSize;
    private final BlockingQueue<Queued> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;

    MeterValueWriter(SessionRows sessions, ChargerRows chargers, MeterReadings readings, LiveSessions live, SessionStopLimits stopLimits,
            HeardFrom heardFrom, PlatformTransactionManager transactionManager, Clock clock, ObjectProvider<MeterRegistry> meters) {
        this.stopLimits = stopLimits;
        this.sessions = sessions;
        this.chargers = chargers;
        this.readings = readings;
        this.live = live;
        this.heardFrom = heardFrom;
        this.tx = new TransactionTemplate(transactionManager);
        this.clock = clock;
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        Gauge.builder("ocpp.meter.values.queued", queue, BlockingQueue::size)
                .description("MeterValues waiting for the group-commit writer").register(registry);
        this.batchSize = DistributionSummary.builder("ocpp.meter.values.batch")
                .description("MeterValues stored in one transaction by the group-commit writer").baseUnit("messages")
                .serviceLevelObjectives(1, 10, 100, MAX_BATCH).register(registry);
        for (int i = 0; i < WRITERS; i++) {
            writers.add(Thread.ofPlatform().daemon().name("meter-value-writer-" + i).start(this::run));
        }
    }

    /** Stores the message with others queued meanwhile; returns once it is committed, or throws what storing it threw. */
    void write(ChargerRef charger, int connectorId, Integer transactionId, List<ChargerEvents.MeterSample> samples) {
        Queued message = new Queued(charger, connectorId, transactionId, samples == null ? List.of() : samples, new CompletableFuture<>(),
                SNAPSHOTS.captureAll(), MDC.getCopyOfContextMap());
        if (!running || !queue.offer(message)) {
            writeAlone(message);
        }
        try {
            message.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void run() {
        List<Queued> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Queued first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                Map<TenantId, List<Queued>> byTenant = new LinkedHashMap<>();
                batch.forEach(message -> byTenant.computeIfAbsent(message.charger().tenantId(), t -> new ArrayList<>()).add(message));
                byTenant.forEach(this::writeTogether);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("MeterValues writer failed; {} messages answered with an error", batch.size(), e);
                batch.forEach(message -> message.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void writeTogether(TenantId tenant, List<Queued> messages) {
        batchSize.record(messages.size());
        if (messages.size() == 1) {
            writeAlone(messages.getFirst());
            return;
        }
        try {
            // one transaction for many messages: it is traced in the first one's trace
            inContextOf(messages.getFirst(), () -> TenantContext.runAs(TenantScope.of(tenant), () -> tx.executeWithoutResult(status -> store(messages))));
            messages.forEach(message -> message.done().complete(null));
        } catch (RuntimeException batchFailed) {
            LOG.warn("A batch of {} MeterValues failed ({}); storing them one by one", messages.size(), batchFailed.toString());
            messages.forEach(this::writeAlone);
        }
    }

    private void writeAlone(Queued message) {
        try {
            inContextOf(message, () -> TenantContext.runAs(TenantScope.of(message.charger().tenantId()),
                    () -> tx.executeWithoutResult(status -> store(List.of(message)))));
            message.done().complete(null);
        } catch (RuntimeException e) {
            message.done().completeExceptionally(e);
        }
    }

    /** Runs on a writer thread as if on the caller's: in its observation, with its log context (tenant, trace). */
    private static void inContextOf(Queued message, Runnable work) {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        if (message.logContext() != null) {
            MDC.setContextMap(message.logContext());
        }
        try (ContextSnapshot.Scope scope = message.context().setThreadLocals()) {
            work.run();
        } finally {
            if (previous == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(previous);
            }
        }
    }

    /** Within one transaction of the messages' tenant. */
    private void store(List<Queued> messages) {
        Instant now = clock.instant();
        List<java.util.UUID> heard = messages.stream().map(message -> message.charger().chargePointId())
                .filter(chargePoint -> heardFrom.due(chargePoint, now)).distinct().toList();
        chargers.seen(heard, now);
        List<Integer> transactionIds = messages.stream().map(Queued::transactionId).filter(id -> id != null).distinct().toList();
        Map<Integer, SessionRows.Metered> found = transactionIds.isEmpty() ? Map.of() : sessions.metered(transactionIds);
        List<MeterReadings.Message> toStore = new ArrayList<>(messages.size());
        for (Queued message : messages) {
            SessionRows.Metered session = Optional.ofNullable(message.transactionId()).map(found::get)
                    .filter(m -> m.session().chargePointId().equals(message.charger().chargePointId())).orElse(null);
            if (message.transactionId() != null && session == null) {
                LOG.warn("{}: meter values for unknown transaction {} stored on connector {}", message.charger().identity(),
                        message.transactionId(), message.connectorId());
            }
            int connector = session == null || session.session().connectorId() == null ? message.connectorId() : session.session().connectorId();
            toStore.add(new MeterReadings.Message(message.charger(), connector, session, message.samples()));
        }
        Map<java.util.UUID, ChargingSession> moved = readings.store(toStore);
        for (int i = 0; i < messages.size(); i++) {
            SessionRows.Metered session = toStore.get(i).session();
            if (session != null) {
                ChargingSession current = moved.get(session.session().id());
                if (current != null) {
                    // at most a row and an event here; the charger is asked to stop after the commit, on another thread
                    stopLimits.check(messages.get(i).charger().tenantId(), current, current.latestSampleAt());
                }
                live.progress(messages.get(i).charger(), current != null ? current : session.session());
            }
        }
        heard.forEach(chargePoint -> heardFrom.written(chargePoint, now));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread writer : writers) {
            writer.join(5000);
        }
    }
}
