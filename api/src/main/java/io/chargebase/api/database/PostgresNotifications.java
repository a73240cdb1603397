package io.chargebase.api.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL LISTEN/NOTIFY for the whole instance over one connection: components subscribe a handler to a channel
 * and receive every notification sent on it by any instance. When the connection breaks it is reopened after a
 * second and every channel is listened to again; notifications sent in between are lost, so handlers must treat
 * them as hints (drop a cache entry, push a live update), never as the record.
 */
@Component
public class PostgresNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresNotifications.class);
    private static final int POLL_MILLIS = 250;

    private final DataSource dataSource;
    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean listening;
    private volatile boolean channelsChanged;
    private Thread thread;

    PostgresNotifications(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Calls {@code handler} (on the listener's thread: keep it short) with the payload of each notification on the channel. */
    public void subscribe(String channel, Consumer<String> handler) {
        if (!channel.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a channel name: " + channel);
        }
        handlers.computeIfAbsent(channel, key -> new CopyOnWriteArrayList<>()).add(handler);
        channelsChanged = true;
    }

    /** Whether the channels are being listened to right now. */
    public boolean isListening() {
        return listening && !channelsChanged;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofVirtual().name("postgres-notifications").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Early: components that wait for LISTEN as they start (the OCPP relay) start after it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                PGConnection postgres = connection.unwrap(PGConnection.class);
                java.util.Set<String> listened = new java.util.HashSet<>();
                while (running) {
                    if (channelsChanged || listened.size() != handlers.size()) {
                        channelsChanged = false;
                        for (String channel : handlers.keySet()) {
                            if (listened.add(channel)) {
                                statement.execute("LISTEN " + channel);
                            }
                        }
                    }
                    listening = true;
                    PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            dispatch(notification);
                        }
                    }
                }
            } catch (SQLException e) {
                listening = false;
                if (running) {
                    log.warn("Lost the LISTEN connection; reconnecting", e);
                    pause();
                }
            }
        }
        listening = false;
    }

    private void dispatch(PGNotification notification) {
        for (Consumer<String> handler : handlers.getOrDefault(notification.getName(), List.of())) {
            try {
                handler.accept(notification.getParameter());
            } catch (RuntimeException e) {
                log.warn("A handler of channel {} failed", notification.getName(), e);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
