package io.chargebase.api.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import io.chargebase.api.support.IntegrationTest;

/**
 * How many sockets the running server holds at once: every connected charger keeps one open, so Tomcat's own default
 * of 8,192 connections turned the 8,193rd charger of a fleet away (the load harness, at 10,000 chargers, saw the rest
 * time out in the accept queue). The server as configured holds ten thousand chargers and more.
 */
class ConnectionCapacityIT extends IntegrationTest {

    @Autowired
    WebServerApplicationContext context;

    @Test
    void theServerHoldsTenThousandChargersAndMore() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        AbstractProtocol<?> protocol = (AbstractProtocol<?>) server.getTomcat().getConnector().getProtocolHandler();

        assertThat(protocol.getMaxConnections()).isGreaterThanOrEqualTo(50_000);
    }
}
