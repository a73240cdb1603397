package io.chargebase.api.revocation;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * Spring for GraphQL's WebSocket handler, as Spring Boot would configure it, that also tells {@link GraphQlSockets}
 * which connections are open: the handler's interceptors see only a session's id and attributes, and closing a
 * connection needs the session itself.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlSocketConfiguration {

    @Bean
    GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, GraphQlProperties properties, GraphQlCorsProperties cors,
            ObjectProvider<ServerHttpMessageConvertersCustomizer> customizers, GraphQlSockets sockets) {
        return new Tracked(handler, json(customizers), properties, cors.toCorsConfiguration(), sockets);
    }

    @SuppressWarnings("unchecked")
    private static HttpMessageConverter<Object> json(ObjectProvider<ServerHttpMessageConvertersCustomizer> customizers) {
        HttpMessageConverters.ServerBuilder builder = HttpMessageConverters.forServer().registerDefaults();
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        for (HttpMessageConverter<?> converter : builder.build()) {
            if (converter.canRead(Map.class, MediaType.APPLICATION_JSON)) {
                return (HttpMessageConverter<Object>) converter;
            }
        }
        throw new IllegalStateException("No JSON converter for GraphQL over WebSocket");
    }

    private static final class Tracked extends GraphQlWebSocketHandler {

        private final GraphQlSockets sockets;

        Tracked(WebGraphQlHandler handler, HttpMessageConverter<Object> converter, GraphQlProperties properties, CorsConfiguration cors,
                GraphQlSockets sockets) {
            super(handler, converter, properties.getWebsocket().getConnectionInitTimeout(), properties.getWebsocket().getKeepAlive(),
                    cors);
            this.sockets = sockets;
        }

        @Override
        public void afterConnectionEstablished(WebSocketSession session) {
            sockets.opened(session);
            super.afterConnectionEstablished(session);
        }

        @Override
        public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
            sockets.closed(session.getId());
            super.afterConnectionClosed(session, status);
        }
    }
}
