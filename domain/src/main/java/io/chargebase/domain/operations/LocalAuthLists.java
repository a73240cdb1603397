package io.chargebase.domain.operations;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.operations.internal.LocalListRows;

/**
 * Local authorisation lists, built from the tenant's tokens: a full list holds every RFID and app token with its
 * status; a differential one the tokens changed since the list the charger last accepted. The version moves on
 * only when the charger accepts ({@link #accepted}).
 */
@Service
@Transactional
public class LocalAuthLists {

    /** More than chargers usually hold (SendLocalListMaxLength); larger lists are refused rather than cut. */
    static final int MAX_ENTRIES = 10_000;

    private final LocalListRows rows;
    private final ChargePoints chargePoints;
    private final Clock clock = Clock.systemUTC();

    LocalAuthLists(LocalListRows rows, ChargePoints chargePoints) {
        this.rows = rows;
        this.chargePoints = chargePoints;
    }

    @Transactional(readOnly = true)
    public LocalAuthList build(UUID chargePointId, boolean full) {
        chargePoints.find(chargePointId).orElseThrow(() -> DomainException.notFound("chargePointId", "charge point", chargePointId));
        Optional<LocalListRows.State> state = rows.state(chargePointId);
        if (!full && state.isEmpty()) {
            throw new DomainException(ErrorCode.INVALID, "updateType", "The charger holds no list from us yet: send a full list first.");
        }
        Instant now = clock.instant();
        List<LocalAuthList.Entry> entries = rows.entries(full ? null : state.get().sentAt(), now, MAX_ENTRIES + 1);
        if (entries.size() > MAX_ENTRIES) {
            throw new DomainException(ErrorCode.INVALID, "updateType", "More than " + MAX_ENTRIES + " tokens: too many for one local list.");
        }
        return new LocalAuthList(state.map(LocalListRows.State::version).orElse(0) + 1, full, entries, now);
    }

    /** The charger accepted the list: its version and build time become the base of the next differential list. */
    public void accepted(UUID chargePointId, LocalAuthList list) {
        rows.sent(chargePointId, list.version(), list.builtAt());
    }

    @Transactional(readOnly = true)
    public Optional<Integer> version(UUID chargePointId) {
        return rows.state(chargePointId).map(LocalListRows.State::version);
    }
}
