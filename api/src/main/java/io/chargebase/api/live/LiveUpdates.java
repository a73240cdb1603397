package io.chargebase.api.live;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.chargebase.api.database.PostgresNotifications;
import io.chargebase.domain.charging.LiveUpdate;

/**
 * Carries {@link LiveUpdate}s from the instance where they happen to the subscribers of every instance: an update is
 * queued once the transaction that published it commits (so nothing is sent for work that rolled back), a sender
 * thread NOTIFYs what is queued, many updates to a notification, and every instance LISTENs and hands what arrives to
 * its subscribers. Under load the updates of many MeterValues share one NOTIFY instead of each taking PostgreSQL's
 * notification lock at its own commit. A subscriber too slow to keep up misses updates rather than holding the others
 * back; the next update carries the full state again.
 */
@Component
public class LiveUpdates implements AutoCloseable {

    static final String CHANNEL = "chargebase_live";
    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    /** Decimals keep their scale on the way through (5.000 kWh stays 5.000). */
    private static final JsonMapper JSON = JsonMapper.builder().enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    /** NOTIFY payloads are limited to 8000 bytes; updates are a few hundred. */
    private static final int MAX_PAYLOAD = 7900;
    /** Updates waiting to be sent; when the database cannot keep up, the newest are dropped (the next update repeats the state). */
    private static final int CAPACITY = 50_000;

    private final JdbcClient jdbc;
    private final Sinks.Many<LiveUpdate> sink = Sinks.many().multicast().directBestEffort();
    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread sender;
    private volatile boolean running = true;

    LiveUpdates(JdbcClient jdbc, PostgresNotifications notifications) {
        this.jdbc = jdbc;
        notifications.subscribe(CHANNEL, this::received);
        this.sender = Thread.ofPlatform().daemon().name("live-updates-sender").start(this::send);
    }

    /** Every update from every instance, as it arrives. */
    public Flux<LiveUpdate> stream() {
        return sink.asFlux();
    }

    /** How many subscriptions of this instance listen now (for health checks and tests). */
    public int subscribers() {
        return sink.currentSubscriberCount();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void publish(LiveUpdate update) {
        ObjectNode message = JSON.createObjectNode().put("type", update.getClass().getSimpleName());
        message.set("update", JSON.valueToTree(update));
        String payload = JSON.writeValueAsString(message);
        if (payload.length() + 2 > MAX_PAYLOAD) {
            log.warn("Live update too large to send ({} characters): {}", payload.length(), update.getClass().getSimpleName());
            return;
        }
        if (!queue.offer(payload) && dropped.incrementAndGet() % 1000 == 1) {
            log.warn("Live updates queue full: {} updates dropped so far", dropped.get());
        }
    }

    private void send() {
        List<String> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                String first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 1000);
                notifyInBatches(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } catch (RuntimeException e) {
                log.warn("Live updates not sent ({} dropped)", batch.size(), e);
            } finally {
                batch.clear();
            }
        }
    }

    /** As few notifications as the payload limit allows, each a JSON array of updates, in the order they were queued. */
    private void notifyInBatches(List<String> payloads) {
        StringBuilder array = new StringBuilder("[");
        for (String payload : payloads) {
            if (array.length() > 1 && array.length() + payload.length() + 2 > MAX_PAYLOAD) {
                pgNotify(array.append(']').toString());
                array.setLength(0);
                array.append('[');
            }
            array.append(array.length() > 1 ? "," : "").append(payload);
        }
        pgNotify(array.append(']').toString());
    }

    private void pgNotify(String payload) {
        jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, payload).query((rs, row) -> 1).list();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sender.interrupt();
        sender.join(2000);
    }

    private void received(String payload) {
        if (sink.currentSubscriberCount() == 0) {
            // nobody on this instance watches: nothing to read (under load, reading every update cost more than sending it)
            return;
        }
        try {
            JsonNode messages = JSON.readTree(payload);
            for (JsonNode message : messages.isArray() ? messages.values() : List.of(messages)) {
                Class<? extends LiveUpdate> type = switch (message.path("type").asString()) {
                    case "SessionProgress" -> LiveUpdate.SessionProgress.class;
                    case "ConnectorStatus" -> LiveUpdate.ConnectorStatus.class;
                    case "Connection" -> LiveUpdate.Connection.class;
                    default -> null;
                };
                if (type != null) {
                    sink.tryEmitNext(JSON.treeToValue(message.path("update"), type));
                }
            }
        } catch (RuntimeException e) {
            log.warn("Ignoring an unreadable live update: {}", payload, e);
        }
    }
}
