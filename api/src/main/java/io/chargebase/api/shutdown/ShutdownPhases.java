package io.chargebase.api.shutdown;

import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

/**
 * The order in which an instance stops: lifecycles stop from the highest phase down, so each constant here stops
 * before the next, and all of them before Boot's graceful web shutdown, which waits for HTTP requests in progress.
 */
public final class ShutdownPhases {

    /** Readiness is down and load balancers have had time to notice. */
    public static final int REFUSE_TRAFFIC = SmartLifecycle.DEFAULT_PHASE - 100;
    /** Chargers' sockets: drained and closed with 1001. */
    public static final int OCPP_SOCKETS = SmartLifecycle.DEFAULT_PHASE - 200;
    /** GraphQL subscription sockets: closed with 1001. */
    public static final int GRAPHQL_SOCKETS = SmartLifecycle.DEFAULT_PHASE - 300;

    static {
        if (GRAPHQL_SOCKETS <= WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE) {
            throw new IllegalStateException("Sockets must close before the web server's graceful shutdown");
        }
    }

    private ShutdownPhases() {
    }
}
