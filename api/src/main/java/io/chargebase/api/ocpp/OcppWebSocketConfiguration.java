package io.chargebase.api.ocpp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/** Chargers' sockets at {@code /ocpp/{tenantSlug}/{chargePointIdentity}} on the embedded Tomcat. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class OcppWebSocketConfiguration implements WebSocketConfigurer {

    private final OcppSocketHandler handler;
    private final OcppHandshake handshake;

    OcppWebSocketConfiguration(OcppSocketHandler handler, OcppHandshake handshake) {
        this.handler = handler;
        this.handshake = handshake;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        DefaultHandshakeHandler handshakeHandler = new DefaultHandshakeHandler();
        handshakeHandler.setSupportedProtocols(OcppSocketHandler.PROTOCOL);
        // Chargers are no browsers and send no Origin; authentication, not origin, decides who connects.
        registry.addHandler(handler, "/ocpp/*/*")
                .setHandshakeHandler(handshakeHandler)
                .addInterceptors(handshake)
                .setAllowedOriginPatterns("*");
    }

    /**
     * Limits of the WebSocket container: a text frame over the limit closes its socket with 1009 before it is
     * buffered whole; a socket silent past the idle timeout (pings unanswered) is closed.
     */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer(OcppProperties properties) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(properties.maxFrameChars());
        container.setMaxBinaryMessageBufferSize(1024);
        container.setMaxSessionIdleTimeout(properties.idleTimeout().toMillis());
        return container;
    }
}
