package io.chargebase.api.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.chargebase.api.database.PostgresNotifications;
import io.chargebase.domain.charging.LiveUpdate;

/**
 * Carries {@link LiveUpdate}s from the instance where they happen to the subscribers of every instance: each update
 * is NOTIFYed inside the transaction that published it (so it is sent only if that transaction commits), and every
 * instance LISTENs and hands what arrives to its subscribers. A subscriber too slow to keep up misses updates rather
 * than holding the others back; the next update carries the full state again.
 */
@Component
public class LiveUpdates {

    static final String CHANNEL = "chargebase_live";
    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    /** Decimals keep their scale on the way through (5.000 kWh stays 5.000). */
    private static final JsonMapper JSON = JsonMapper.builder().enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    /** NOTIFY payloads are limited to 8000 bytes; updates are a few hundred. */
    private static final int MAX_PAYLOAD = 7900;

    private final JdbcClient jdbc;
    private final Sinks.Many<LiveUpdate> sink = Sinks.many().multicast().directBestEffort();

    LiveUpdates(JdbcClient jdbc, PostgresNotifications notifications) {
        this.jdbc = jdbc;
        notifications.subscribe(CHANNEL, this::received);
    }

    /** Every update from every instance, as it arrives. */
    public Flux<LiveUpdate> stream() {
        return sink.asFlux();
    }

    @EventListener
    void publish(LiveUpdate update) {
        ObjectNode message = JSON.createObjectNode().put("type", update.getClass().getSimpleName());
        message.set("update", JSON.valueToTree(update));
        String payload = JSON.writeValueAsString(message);
        if (payload.length() > MAX_PAYLOAD) {
            log.warn("Live update too large to send ({} characters): {}", payload.length(), update.getClass().getSimpleName());
            return;
        }
        jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, payload).query((rs, row) -> 1).list();
    }

    private void received(String payload) {
        try {
            JsonNode message = JSON.readTree(payload);
            Class<? extends LiveUpdate> type = switch (message.path("type").asString()) {
                case "SessionProgress" -> LiveUpdate.SessionProgress.class;
                case "ConnectorStatus" -> LiveUpdate.ConnectorStatus.class;
                case "Connection" -> LiveUpdate.Connection.class;
                default -> null;
            };
            if (type != null) {
                sink.tryEmitNext(JSON.treeToValue(message.path("update"), type));
            }
        } catch (RuntimeException e) {
            log.warn("Ignoring an unreadable live update: {}", payload, e);
        }
    }
}
