package io.chargebase.api.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.chargebase.domain.tokens.TokenAuthorisations;
import io.chargebase.domain.tokens.TokenChanged;

/**
 * Listens on PostgreSQL for token changes made on any instance and drops them from this instance's authorisation
 * cache. One connection of the pool is kept for it; when it breaks, the listener reconnects after a second.
 */
@Component
class TokenChangeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TokenChangeListener.class);
    private static final int POLL_MILLIS = 1_000;

    private final DataSource dataSource;
    private final TokenAuthorisations authorisations;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    TokenChangeListener(DataSource dataSource, TokenAuthorisations authorisations) {
        this.dataSource = dataSource;
        this.authorisations = authorisations;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofVirtual().name("token-change-listener").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether the listener holds a live LISTEN right now. */
    boolean isListening() {
        return listening;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + TokenChanged.CHANNEL);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                listening = true;
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            TokenChanged.fromPayload(notification.getParameter()).ifPresent(authorisations::forget);
                        }
                    }
                }
            } catch (SQLException e) {
                listening = false;
                if (running) {
                    log.warn("Token change listener lost its connection; reconnecting", e);
                    pause();
                }
            }
        }
        listening = false;
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
