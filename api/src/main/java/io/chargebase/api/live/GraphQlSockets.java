package io.chargebase.api.live;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import io.chargebase.api.shutdown.ShutdownPhases;

/**
 * The GraphQL WebSocket endpoint (graphql-transport-ws), built as Boot builds it but keeping its open sockets, so
 * that a shutdown closes them with 1001 (going away) after readiness went down: a client reconnects and resubscribes
 * on another instance, rather than waiting for a socket the web server would cut at the end of its graceful wait.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlSockets {

    private static final Logger log = LoggerFactory.getLogger(GraphQlSockets.class);
    static final CloseStatus GOING_AWAY = CloseStatus.GOING_AWAY.withReason("Server shutting down; reconnect");

    @Bean
    ClosingGraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, GraphQlProperties properties,
            GraphQlCorsProperties cors, ObjectProvider<ServerHttpMessageConvertersCustomizer> customizers) {
        HttpMessageConverters.ServerBuilder converters = HttpMessageConverters.forServer().registerDefaults();
        customizers.orderedStream().forEach(customizer -> customizer.customize(converters));
        HttpMessageConverter<Object> json = null;
        for (HttpMessageConverter<?> converter : converters.build()) {
            if (converter.canRead(Map.class, MediaType.APPLICATION_JSON)) {
                @SuppressWarnings("unchecked")
                HttpMessageConverter<Object> found = (HttpMessageConverter<Object>) converter;
                json = found;
                break;
            }
        }
        if (json == null) {
            throw new IllegalStateException("No JSON converter for the GraphQL WebSocket endpoint");
        }
        return new ClosingGraphQlWebSocketHandler(handler, json, properties.getWebsocket().getConnectionInitTimeout(),
                properties.getWebsocket().getKeepAlive(), cors.toCorsConfiguration());
    }

    /** Spring for GraphQL's handler, plus the set of its open sockets and a shutdown phase that closes them. */
    static final class ClosingGraphQlWebSocketHandler extends GraphQlWebSocketHandler implements SmartLifecycle {

        private final Set<WebSocketSession> open = ConcurrentHashMap.newKeySet();
        private volatile boolean running;
        private volatile boolean closing;

        ClosingGraphQlWebSocketHandler(WebGraphQlHandler handler, HttpMessageConverter<Object> json, java.time.Duration initTimeout,
                java.time.Duration keepAlive, org.springframework.web.cors.CorsConfiguration cors) {
            super(handler, json, initTimeout, keepAlive, cors);
        }

        @Override
        public void afterConnectionEstablished(WebSocketSession session) {
            open.add(session);
            super.afterConnectionEstablished(session);
            if (closing) {
                close(session);
            }
        }

        @Override
        public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
            open.remove(session);
            super.afterConnectionClosed(session, status);
        }

        int openSockets() {
            return open.size();
        }

        @Override
        public void start() {
            closing = false;
            running = true;
        }

        @Override
        public void stop() {
            running = false;
            closing = true;
            log.info("Shutting down: closing {} GraphQL sockets with 1001", open.size());
            open.forEach(GraphQlSockets::close);
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        /** A paused context (Spring's test contexts between uses) is no shutdown: nothing is drained or refused. */
        @Override
        public boolean isPauseable() {
            return false;
        }

        @Override
        public int getPhase() {
            return ShutdownPhases.GRAPHQL_SOCKETS;
        }
    }

    private static void close(WebSocketSession session) {
        try {
            session.close(GOING_AWAY);
        } catch (IOException | RuntimeException e) {
            log.debug("Closing GraphQL socket {} failed", session.getId(), e);
        }
    }
}
