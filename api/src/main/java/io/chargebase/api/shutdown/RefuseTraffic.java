package io.chargebase.api.shutdown;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The first step of a shutdown: readiness is {@code REFUSING_TRAFFIC} (Boot publishes it as the context closes; a
 * plain {@code stop()} of the context gets it here), and the instance goes on serving for
 * {@link ShutdownProperties#readinessDelay()} while load balancers take it out of rotation.
 */
@Component
@EnableConfigurationProperties(ShutdownProperties.class)
class RefuseTraffic extends ShutdownStep {

    private static final Logger log = LoggerFactory.getLogger(RefuseTraffic.class);

    private final ApplicationAvailability availability;
    private final ApplicationEventPublisher events;
    private final ShutdownProperties properties;

    RefuseTraffic(ApplicationAvailability availability, ApplicationEventPublisher events, ShutdownProperties properties) {
        super(ShutdownPhases.REFUSE_TRAFFIC);
        this.availability = availability;
        this.events = events;
        this.properties = properties;
    }

    @Override
    protected void shutDown() {
        if (availability.getReadinessState() != ReadinessState.REFUSING_TRAFFIC) {
            AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        }
        log.info("Shutting down: readiness is down; closing sockets in {}", properties.readinessDelay());
        if (properties.readinessDelay().isPositive()) {
            try {
                Thread.sleep(properties.readinessDelay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
