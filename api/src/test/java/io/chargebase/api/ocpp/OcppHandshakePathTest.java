package io.chargebase.api.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OcppHandshakePathTest {

    @Test
    void readsTenantAndPercentDecodedIdentity() {
        assertThat(OcppHandshake.Path.parse("/ocpp/acme/CP%3A7%2AA")).contains(new OcppHandshake.Path("acme", "CP:7*A"));
        assertThat(OcppHandshake.Path.parse("/ocpp/acme/CP+1")).as("a plus in a path is a plus")
                .contains(new OcppHandshake.Path("acme", "CP+1"));
    }

    @Test
    void refusesOtherShapes() {
        assertThat(OcppHandshake.Path.parse("/ocpp/acme")).isEmpty();
        assertThat(OcppHandshake.Path.parse("/ocpp/acme/CP-1/extra")).isEmpty();
        assertThat(OcppHandshake.Path.parse("/ocpp//CP-1")).isEmpty();
        assertThat(OcppHandshake.Path.parse("/ocpp/acme/")).isEmpty();
        assertThat(OcppHandshake.Path.parse("/other/acme/CP-1")).isEmpty();
        assertThat(OcppHandshake.Path.parse("/ocpp/acme/CP%ZZ")).isEmpty();
    }
}
