package io.chargebase.api.graphql.charging;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import graphql.schema.DataFetchingEnvironment;

import io.chargebase.api.graphql.BadRequestException;
import io.chargebase.api.graphql.Batches;
import io.chargebase.api.graphql.Connection;
import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.PlainField;
import io.chargebase.api.graphql.Types;
import io.chargebase.api.graphql.UserError;
import io.chargebase.domain.assets.ChargePoint;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.assets.Evse;
import io.chargebase.domain.charging.Cdrs;
import io.chargebase.domain.charging.ChargerConnection;
import io.chargebase.domain.charging.ChargerEvents;
import io.chargebase.domain.charging.ChargingSession;
import io.chargebase.domain.charging.ChargingSessions;
import io.chargebase.domain.charging.ChargingSettings;
import io.chargebase.domain.charging.ConnectorState;
import io.chargebase.domain.charging.CpoCdr;
import io.chargebase.domain.charging.LoggedFrame;
import io.chargebase.domain.charging.MeterValue;
import io.chargebase.domain.charging.MspCdr;
import io.chargebase.domain.charging.SessionQuery;
import io.chargebase.domain.charging.SessionStatus;
import io.chargebase.domain.charging.TenantChargingSettings;
import io.chargebase.domain.operations.DiagnosticsLocations;
import io.chargebase.domain.Page;
import io.chargebase.domain.organisation.Profile;
import io.chargebase.domain.organisation.Profiles;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/** Sessions, charger state and charging settings. */
@Controller
class ChargingController {

    record ChargingSessionFilter(SessionStatus status, String chargePointId, String profileId, Instant from, Instant to) {
    }

    /** The settings as shown, and as given: the two settings added later may be left out, and then stay as they are. */
    record Settings(int heartbeatIntervalSeconds, int temporarilyUnavailableAfterSeconds, int longTermUnavailableAfterSeconds,
            int failStartTimeoutSeconds, int inactivityTimeoutSeconds, ChargingSettings.UnknownChargePoints unknownChargePoints,
            List<String> diagnosticsLocations, Integer finishAfterInactivitySeconds, Integer meterValueSampleIntervalSeconds) {

        static Settings of(ChargingSettings s, List<String> diagnosticsLocations) {
            return new Settings((int) s.heartbeatInterval().toSeconds(), (int) s.temporarilyUnavailableAfter().toSeconds(),
                    (int) s.longTermUnavailableAfter().toSeconds(), (int) s.failStartTimeout().toSeconds(), (int) s.inactivityTimeout().toSeconds(),
                    s.unknownChargePoints(), diagnosticsLocations, (int) s.finishAfterInactivity().toSeconds(),
                    (int) s.meterValueSampleInterval().toSeconds());
        }

        ChargingSettings toDomain(ChargingSettings current) {
            return new ChargingSettings(Duration.ofSeconds(heartbeatIntervalSeconds), Duration.ofSeconds(temporarilyUnavailableAfterSeconds),
                    Duration.ofSeconds(longTermUnavailableAfterSeconds), Duration.ofSeconds(failStartTimeoutSeconds),
                    Duration.ofSeconds(inactivityTimeoutSeconds), unknownChargePoints,
                    finishAfterInactivitySeconds == null ? current.finishAfterInactivity() : Duration.ofSeconds(finishAfterInactivitySeconds),
                    meterValueSampleIntervalSeconds == null ? current.meterValueSampleInterval() : Duration.ofSeconds(meterValueSampleIntervalSeconds));
        }
    }

    record UpdateChargingSettingsPayload(Settings chargingSettings, List<UserError> userErrors) {
    }

    record ConnectionView(ChargerConnection.NetworkStatus networkStatus, boolean connected, Instant connectedAt, Instant disconnectedAt,
            Instant lastSeenAt, String protocol, String remoteAddress, ChargerEvents.RegistrationStatus registration, Instant bootedAt,
            String vendor, String model, String serialNumber, String chargeBoxSerialNumber, String firmwareVersion, String iccid, String imsi,
            String meterType, String meterSerialNumber, String firmwareStatus, String diagnosticsStatus) {

        static ConnectionView of(ChargerConnection c) {
            ChargerEvents.BootInfo b = c.boot();
            return new ConnectionView(c.networkStatus(), c.connected(), c.connectedAt(), c.disconnectedAt(), c.lastSeenAt(), c.protocol(),
                    c.remoteAddress(), c.registration(), c.bootedAt(), b.vendor(), b.model(), b.serialNumber(), b.chargeBoxSerialNumber(),
                    b.firmwareVersion(), b.iccid(), b.imsi(), b.meterType(), b.meterSerialNumber(), c.firmwareStatus(), c.diagnosticsStatus());
        }
    }

    private final ChargingSessions sessions;
    private final TenantChargingSettings settings;
    private final ChargePoints chargePoints;
    private final Profiles profiles;
    private final Cdrs cdrs;
    private final DiagnosticsLocations diagnosticsLocations;

    ChargingController(ChargingSessions sessions, TenantChargingSettings settings, ChargePoints chargePoints, Profiles profiles, Cdrs cdrs,
            DiagnosticsLocations diagnosticsLocations) {
        this.diagnosticsLocations = diagnosticsLocations;
        this.sessions = sessions;
        this.settings = settings;
        this.chargePoints = chargePoints;
        this.profiles = profiles;
        this.cdrs = cdrs;
    }

    @QueryMapping
    Connection<ChargingSession> chargingSessions(@Argument Integer first, @Argument String after, @Argument ChargingSessionFilter filter,
            DataFetchingEnvironment environment) {
        SessionQuery query = SessionQuery.ALL;
        if (filter != null) {
            if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
                throw new BadRequestException("'from' lies before 'to'.");
            }
            query = new SessionQuery(filter.status(), GlobalId.optional(Types.CHARGE_POINT, filter.chargePointId(), "chargePointId"),
                    GlobalId.optional(Types.PROFILE, filter.profileId(), "profileId"), filter.from(), filter.to());
        }
        return page(query, first, after, environment);
    }

    @QueryMapping
    Connection<ChargingSession> mySessions(@Argument Integer first, @Argument String after, DataFetchingEnvironment environment) {
        if (!(TenantContext.narrowing() instanceof TenantScope.Narrowing.OwnProfile(UUID profileId))) {
            throw new BadRequestException("mySessions is asked by a signed-in driver.");
        }
        return page(new SessionQuery(null, null, profileId, null, null), first, after, environment);
    }

    @QueryMapping
    Settings chargingSettings() {
        return Settings.of(settings.current(), diagnosticsLocations.list());
    }

    @MutationMapping
    UpdateChargingSettingsPayload updateChargingSettings(@Argument Settings input) {
        return UserError.attempt(() -> {
            // checked before anything is saved, so that a bad location leaves the other settings unchanged too
            List<String> locations = input.diagnosticsLocations() == null ? null
                    : DiagnosticsLocations.validated("diagnosticsLocations", input.diagnosticsLocations());
            ChargingSettings saved = settings.update(input.toDomain(settings.current()));
            List<String> current = locations == null ? diagnosticsLocations.list() : diagnosticsLocations.replace(locations);
            return new UpdateChargingSettingsPayload(Settings.of(saved, current), List.of());
        }, errors -> new UpdateChargingSettingsPayload(null, errors));
    }

    private Connection<ChargingSession> page(SessionQuery query, Integer first, String after, DataFetchingEnvironment environment) {
        int size = Connection.pageSize(first);
        Page<ChargingSession> page = sessions.sessions(query, Connection.afterId(after), size, Connection.counts(environment));
        return Connection.of(page.items(), page.hasMore(), after != null, page.counted(), s -> s.id().toString());
    }

    // ---- ChargingSession

    @SchemaMapping(typeName = "ChargingSession", field = "id")
    @PlainField
    String sessionId(ChargingSession session) {
        return GlobalId.encode(Types.CHARGING_SESSION, session.id());
    }

    @BatchMapping(typeName = "ChargingSession", field = "chargePoint")
    Map<ChargingSession, ChargePoint> sessionChargePoint(List<ChargingSession> page) {
        return Batches.toOne(page, ChargingSession::chargePointId, chargePoints::findAll);
    }

    @BatchMapping(typeName = "ChargingSession", field = "evse")
    Map<ChargingSession, Evse> sessionEvse(List<ChargingSession> page) {
        return Batches.toOne(page, ChargingSession::evseId, chargePoints::findEvses);
    }

    @BatchMapping(typeName = "ChargingSession", field = "profile")
    Map<ChargingSession, Profile> sessionProfile(List<ChargingSession> page) {
        return Batches.toOne(page, ChargingSession::profileId, profiles::findAll);
    }

    @SchemaMapping(typeName = "ChargingSession", field = "authorization")
    @PlainField
    ChargerEvents.AuthorizationStatus sessionAuthorization(ChargingSession session) {
        return session.authorisation();
    }

    @SchemaMapping(typeName = "ChargingSession", field = "energyWh")
    @PlainField
    double sessionEnergy(ChargingSession session) {
        return session.energyWh();
    }

    @BatchMapping(typeName = "ChargingSession", field = "cpoCdr")
    Map<ChargingSession, CpoCdr> sessionCpoCdr(List<ChargingSession> page) {
        return Batches.toOne(page, ChargingSession::cpoCdrId, cdrs::findCpoCdrs);
    }

    @BatchMapping(typeName = "ChargingSession", field = "mspCdr")
    Map<ChargingSession, MspCdr> sessionMspCdr(List<ChargingSession> page) {
        return Batches.toOne(page, ChargingSession::cpoCdrId, ids -> Batches.latest(cdrs.versionsOf(ids)));
    }

    @SchemaMapping(typeName = "ChargingSession", field = "meterValues")
    List<MeterValue> sessionMeterValues(ChargingSession session) {
        return sessions.meterValues(session.id());
    }

    // ---- ChargePoint and Evse

    @BatchMapping(typeName = Types.CHARGE_POINT, field = "connection")
    Map<ChargePoint, ConnectionView> connection(List<ChargePoint> chargers) {
        Map<UUID, ChargerConnection> found = new LinkedHashMap<>();
        sessions.connections(chargers.stream().map(ChargePoint::id).distinct().toList()).forEach(c -> found.put(c.chargePointId(), c));
        Map<ChargePoint, ConnectionView> result = new LinkedHashMap<>();
        chargers.forEach(cp -> result.put(cp, found.containsKey(cp.id()) ? ConnectionView.of(found.get(cp.id())) : null));
        return result;
    }

    @BatchMapping(typeName = Types.CHARGE_POINT, field = "connectorStatuses")
    Map<ChargePoint, List<ConnectorState>> connectorStatuses(List<ChargePoint> chargers) {
        List<ConnectorState> states = sessions.connectorStates(chargers.stream().map(ChargePoint::id).distinct().toList());
        Map<ChargePoint, List<ConnectorState>> result = new LinkedHashMap<>();
        chargers.forEach(cp -> result.put(cp, states.stream().filter(s -> s.chargePointId().equals(cp.id())).toList()));
        return result;
    }

    @SchemaMapping(typeName = Types.CHARGE_POINT, field = "statusHistory")
    Connection<ConnectorState> statusHistory(ChargePoint charger, @Argument Integer first, @Argument String after) {
        int size = Connection.pageSize(first);
        return newestFirst(sessions.statusHistory(charger.id(), longCursor(after), size), size, after, ConnectorState::id);
    }

    @SchemaMapping(typeName = Types.CHARGE_POINT, field = "communicationLog")
    Connection<LoggedFrame> communicationLog(ChargePoint charger, @Argument Integer first, @Argument String after) {
        int size = Connection.pageSize(first);
        return newestFirst(sessions.communicationLog(charger.id(), longCursor(after), size), size, after, LoggedFrame::id);
    }

    @BatchMapping(typeName = Types.EVSE, field = "connectorStatus")
    Map<Evse, ConnectorState> evseConnectorStatus(List<Evse> evses) {
        List<ConnectorState> states = sessions.connectorStates(evses.stream().map(Evse::chargePointId).distinct().toList());
        Map<Evse, ConnectorState> result = new LinkedHashMap<>();
        evses.forEach(evse -> result.put(evse, states.stream()
                .filter(s -> s.chargePointId().equals(evse.chargePointId()) && s.connectorId() == evse.ocppNumber()).findFirst().orElse(null)));
        return result;
    }

    private static <T> Connection<T> newestFirst(List<T> rows, int size, String after, Function<T, Long> idOf) {
        boolean more = rows.size() > size;
        return Connection.of(more ? rows.subList(0, size) : rows, more, after != null, null, row -> Long.toString(idOf.apply(row)));
    }

    private static Long longCursor(String after) {
        if (after == null) {
            return null;
        }
        try {
            return Long.parseLong(Connection.decodeCursor(after));
        } catch (NumberFormatException malformed) {
            throw new BadRequestException("'after' is not a cursor this API returned.");
        }
    }

}
