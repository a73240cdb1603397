package io.chargebase.api.shutdown;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param readinessDelay how long an instance keeps serving after its readiness went down, before it closes sockets:
 *                       the time load balancers need to stop sending new connections (a few seconds on Kubernetes)
 * @param drainTimeout   how long chargers' sockets may take to answer the frames they took before they are closed
 *                       anyway; keep it below {@code spring.lifecycle.timeout-per-shutdown-phase}
 */
@ConfigurationProperties("chargebase.shutdown")
public record ShutdownProperties(@DefaultValue("0s") Duration readinessDelay, @DefaultValue("10s") Duration drainTimeout) {
}
