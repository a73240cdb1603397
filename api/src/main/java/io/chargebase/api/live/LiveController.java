package io.chargebase.api.live;

import java.time.Instant;
import java.util.UUID;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

import reactor.core.Disposable;
import reactor.core.publisher.ConnectableFlux;
import reactor.core.publisher.Flux;

import io.chargebase.api.graphql.BadRequestException;
import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.PlainField;
import io.chargebase.api.graphql.Types;
import io.chargebase.domain.assets.ChargePoint;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.charging.ChargingSession;
import io.chargebase.domain.charging.ChargingStations;
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

    /** Updates kept for the subscriber while its session is read: far more than arrive in that time. */
    private static final int REPLAYED = 64;

    private final LiveUpdates updates;
    private final ChargePoints chargePoints;
    private final io.chargebase.domain.charging.ChargingSessions sessions;
    private final ChargingStations stations;

    LiveController(LiveUpdates updates, ChargePoints chargePoints, io.chargebase.domain.charging.ChargingSessions sessions,
            ChargingStations stations) {
        this.stations = stations;
        this.updates = updates;
        this.chargePoints = chargePoints;
        this.sessions = sessions;
    }

    /**
     * A session's progress until it finishes, starting with how it stands at subscribe time. Reading the session in the
     * caller's scope decides who may watch: a driver sees only their own sessions, an OU admin those of their subtree.
     * The live updates are listened to before the session is read, so none falls between the current state and them.
     */
    @SubscriptionMapping
    Flux<LiveUpdate.SessionProgress> sessionProgress(@Argument String sessionId) {
        TenantId tenant = tenant();
        UUID watched = GlobalId.decode(sessionId).filter(id -> id.type().equals(Types.CHARGING_SESSION)).map(GlobalId::id)
                .orElseThrow(() -> new BadRequestException("No charging session " + sessionId + "."));
        ConnectableFlux<LiveUpdate.SessionProgress> live = updates.stream()
                .filter(update -> update.tenantId().equals(tenant))
                .ofType(LiveUpdate.SessionProgress.class)
                .filter(progress -> progress.sessionId().equals(watched))
                .replay(REPLAYED);
        Disposable listening = live.connect();
        ChargingSession session;
        LiveUpdate.SessionProgress now;
        try {
            session = sessions.find(watched).orElseThrow(() -> new BadRequestException("No charging session " + sessionId + "."));
            // priced for the whole tenant, as the charger's updates are: a driver's scope does not show tariffs
            now = TenantContext.callAs(TenantScope.of(tenant), () -> stations.currentProgress(tenant, session));
        } catch (RuntimeException refused) {
            listening.dispose();
            throw refused;
        }
        return Flux.concat(Flux.just(now), live)
                .takeUntil(progress -> progress.status().equals("FINISHED") || progress.status().equals("FAILED"))
                .doFinally(signal -> listening.dispose());
    }

    @SchemaMapping(typeName = "SessionProgress", field = "sessionId")
    @PlainField
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
