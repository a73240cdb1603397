package io.chargebase.api.ocpp;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code ocpp.connections}: the charger sockets this instance holds, registered chargers' and pending ones'. */
@Component
class OcppConnectionGauges {

    OcppConnectionGauges(MeterRegistry registry, LocalChargers locals, PendingChargers pending) {
        Gauge.builder("ocpp.connections", locals, LocalChargers::size).tag("state", "registered")
                .description("Charger sockets this instance holds").baseUnit("connections").register(registry);
        Gauge.builder("ocpp.connections", pending, PendingChargers::size).tag("state", "pending")
                .description("Charger sockets this instance holds").baseUnit("connections").register(registry);
    }
}
