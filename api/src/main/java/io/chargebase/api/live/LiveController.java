package io.chargebase.api.live;

import java.time.Instant;
import java.util.UUID;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

import reactor.core.publisher.Flux;

import io.chargebase.api.graphql.BadRequestException;
import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.Types;
import io.chargebase.domain.assets.ChargePoint;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.charging.LiveUpdate;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;

/**
 * GraphQL subscriptions. What a subscriber may watch is decided when it subscribes, by reading the watched object
 * in the caller's scope (row-level security decides, as for any query); afterwards only updates of the caller's
 * tenant and of that object reach it.
 */
@Controller
class LiveController {

    record ChargePointStatusEvent(UUID chargePointId, Integer connectorId, String status, String errorCode, String connection, Instant at) {
    }

    private final LiveUpdates updates;
    private final ChargePoints chargePoints;
    private final io.chargebase.domain.charging.ChargingSessions sessions;

    LiveController(LiveUpdates updates, ChargePoints chargePoints, io.chargebase.domain.charging.ChargingSessions sessions) {
        this.updates = updates;
        this.chargePoints = chargePoints;
        this.sessions = sessions;
    }

    /**
     * A session's progress until it finishes. Reading the session in the caller's scope decides who may watch: a
     * driver sees only their own sessions, an OU admin those of their subtree.
     */
    @SubscriptionMapping
    Flux<LiveUpdate.SessionProgress> sessionProgress(@Argument String sessionId) {
        TenantId tenant = tenant();
        UUID watched = GlobalId.decode(sessionId).filter(id -> id.type().equals(Types.CHARGING_SESSION)).map(GlobalId::id)
                .filter(id -> sessions.find(id).isPresent())
                .orElseThrow(() -> new BadRequestException("No charging session " + sessionId + "."));
        return updates.stream()
                .filter(update -> update.tenantId().equals(tenant))
                .ofType(LiveUpdate.SessionProgress.class)
                .filter(progress -> progress.sessionId().equals(watched))
                .takeUntil(progress -> progress.status().equals("FINISHED") || progress.status().equals("FAILED"));
    }

    @SchemaMapping(typeName = "SessionProgress", field = "sessionId")
    String progressSession(LiveUpdate.SessionProgress progress) {
        return GlobalId.encode(Types.CHARGING_SESSION, progress.sessionId());
    }

    @SubscriptionMapping
    Flux<ChargePointStatusEvent> chargePointStatus(@Argument String chargePointId) {
        TenantId tenant = tenant();
        UUID only = null;
        if (chargePointId != null) {
            only = GlobalId.decode(chargePointId).filter(id -> id.type().equals(Types.CHARGE_POINT)).map(GlobalId::id)
                    .filter(id -> chargePoints.find(id).isPresent())
                    .orElseThrow(() -> new BadRequestException("No charge point " + chargePointId + "."));
        }
        UUID watched = only;
        return updates.stream()
                .filter(update -> update.tenantId().equals(tenant) && (watched == null || update.chargePointId().equals(watched)))
                .mapNotNull(update -> switch (update) {
                    case LiveUpdate.ConnectorStatus status -> new ChargePointStatusEvent(status.chargePointId(), status.connectorId(), status.status(),
                            status.errorCode(), null, status.at());
                    case LiveUpdate.Connection connection -> new ChargePointStatusEvent(connection.chargePointId(), null, null, null,
                            connection.connection(), connection.at());
                    case LiveUpdate.SessionProgress progress -> null;
                });
    }

    @SchemaMapping(typeName = "ChargePointStatusEvent", field = "chargePoint")
    ChargePoint eventChargePoint(ChargePointStatusEvent event) {
        return chargePoints.find(event.chargePointId()).orElse(null);
    }

    static TenantId tenant() {
        if (!(TenantContext.current() instanceof TenantScope.OfTenant scope)) {
            throw new BadRequestException("Subscriptions are for a tenant's signed-in callers.");
        }
        return scope.tenantId();
    }
}
