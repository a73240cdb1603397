package io.chargebase.domain.charging;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.chargebase.domain.charging.internal.SessionRows;

/**
 * Stores the samples of MeterValues messages, many messages at once, within the caller's transaction: every sample is
 * normalised and checked on its own (a refused one is logged and left out, its neighbours kept), the new ones go to
 * the database in one insert, and every session's newest readings move forward in one update. A register never
 * decreases: a reading later than every one stored is checked against the newest, which the session carries; any
 * other against the stored readings around it; readings of the same message against each other as they are admitted.
 */
@Component
class MeterReadings {

    private static final Logger LOG = LoggerFactory.getLogger(MeterReadings.class);

    /** The samples one charger sent for one connector, and the session they belong to (null: none). */
    record Message(ChargerRef charger, int connectorId, SessionRows.Metered session, List<ChargerEvents.MeterSample> samples) {
    }

    private final SessionRows rows;
    private final Clock clock;

    MeterReadings(SessionRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /** Stores the messages' samples; returns the sessions that received new samples, as they now stand, by id. */
    Map<UUID, ChargingSession> store(List<Message> messages) {
        List<SessionRows.SampleRow> accepted = new ArrayList<>();
        List<MeterSamples.Normalised> normalised = new ArrayList<>();
        for (Message message : messages) {
            ChargingSession session = message.session() == null ? null : message.session().session();
            Register register = message.session() == null ? null : new Register(message.session());
            for (ChargerEvents.MeterSample raw : message.samples()) {
                StringBuilder refusal = new StringBuilder();
                Optional<MeterSamples.Normalised> checked = MeterSamples.normalise(raw, refusal);
                if (checked.isEmpty()) {
                    LOG.warn("{}: sample refused, {}: {}", message.charger().identity(), refusal, raw);
                    continue;
                }
                MeterSamples.Normalised sample = checked.get();
                if (register != null && sample.isEnergyRegister() && !register.admits(sample)) {
                    LOG.warn("{}: energy register {} Wh at {} contradicts the session's other readings; refused", message.charger().identity(),
                            sample.value(), sample.at());
                    continue;
                }
                normalised.add(sample);
                accepted.add(new SessionRows.SampleRow(message.charger().chargePointId(), message.connectorId(),
                        session == null ? null : session.id(), new SessionRows.Sample(sample.at(), sample.measurand().code(), sample.phase(),
                                sample.location(), sample.unit(), sample.value(), sample.context())));
            }
        }
        if (accepted.isEmpty()) {
            return Map.of();
        }
        Instant now = clock.instant();
        boolean[] added = rows.insertSamples(accepted, now);
        Map<UUID, Newest> newest = new LinkedHashMap<>();
        for (int i = 0; i < added.length; i++) {
            UUID session = accepted.get(i).sessionId();
            if (added[i] && session != null) {
                newest.computeIfAbsent(session, id -> new Newest()).take(normalised.get(i));
            }
        }
        List<SessionRows.Latest> updates = new ArrayList<>();
        // every session with a new sample of any kind was heard from (the inactivity timeout); its newest readings move
        // when it had energy, power or SoC
        newest.forEach((session, readings) -> updates.add(new SessionRows.Latest(session, readings.at, readings.energy, readings.power,
                readings.soc, readings.registerAt, readings.register, now)));
        Map<UUID, ChargingSession> moved = new LinkedHashMap<>();
        rows.latest(updates).forEach(session -> moved.put(session.id(), session));
        return moved;
    }

    /** The newest energy, power and SoC readings among a session's new samples, and its newest register reading. */
    private static final class Newest {
        Instant at;
        BigDecimal energy;
        BigDecimal power;
        BigDecimal soc;
        Instant registerAt;
        BigDecimal register;

        void take(MeterSamples.Normalised sample) {
            if (!sample.isEnergyRegister() && !sample.isTotalPower() && !sample.isSoc()) {
                return;
            }
            if (at == null || sample.at().isAfter(at)) {
                at = sample.at();
                energy = null;
                power = null;
                soc = null;
            }
            if (sample.at().equals(at)) {
                energy = sample.isEnergyRegister() ? sample.value() : energy;
                power = sample.isTotalPower() ? sample.value() : power;
                soc = sample.isSoc() ? sample.value() : soc;
            }
            if (sample.isEnergyRegister() && (registerAt == null || sample.at().isAfter(registerAt))) {
                registerAt = sample.at();
                register = sample.value();
            }
        }
    }

    /** The rule that a register never decreases, for one session and one message. */
    private final class Register {
        private final ChargingSession session;
        private final boolean known;
        private Instant newestAt;
        private BigDecimal newest;
        /** Readings of this message admitted so far and not yet stored, for readings checked against the stored ones. */
        private final List<MeterSamples.Normalised> admitted = new ArrayList<>();

        Register(SessionRows.Metered metered) {
            this.session = metered.session();
            // without a register column (a session from before it was kept) but with readings, the newest is not known
            this.known = metered.registerAt() != null || session.latestSampleAt() == null;
            this.newestAt = metered.registerAt();
            this.newest = metered.registerWh();
        }

        boolean admits(MeterSamples.Normalised sample) {
            boolean newer = known && (newestAt == null || sample.at().isAfter(newestAt));
            BigDecimal floor;
            BigDecimal ceiling;
            if (newer) {
                floor = newest;
                ceiling = null;
            } else {
                BigDecimal[] around = rows.registerAround(session.id(), sample.at());
                floor = around[0];
                ceiling = around[1];
                for (MeterSamples.Normalised earlier : admitted) {
                    if (earlier.at().isBefore(sample.at()) && (floor == null || earlier.value().compareTo(floor) > 0)) {
                        floor = earlier.value();
                    }
                    if (earlier.at().isAfter(sample.at()) && (ceiling == null || earlier.value().compareTo(ceiling) < 0)) {
                        ceiling = earlier.value();
                    }
                }
            }
            if (session.meterStartWh() != null && !sample.at().isBefore(session.startedAt() == null ? sample.at() : session.startedAt())) {
                BigDecimal start = BigDecimal.valueOf(session.meterStartWh());
                floor = floor == null || floor.compareTo(start) < 0 ? start : floor;
            }
            boolean fits = (floor == null || sample.value().compareTo(floor) >= 0) && (ceiling == null || sample.value().compareTo(ceiling) <= 0);
            if (fits) {
                admitted.add(sample);
                if (newer) {
                    newestAt = sample.at();
                    newest = sample.value();
                }
            }
            return fits;
        }
    }
}
