package io.chargebase.domain.charging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.charging.internal.ActivityRows;
import io.chargebase.domain.Page;

/**
 * The activity records of chargers that the manual lists under ACTIVITY and a charge point's Logs: authorisations and
 * network status changes. Both are staff information; row-level security keeps an OU admin to the charge points they
 * operate and a driver to none.
 */
@Service
@Transactional(readOnly = true)
public class ChargerActivity {

    public static final int MAX_PAGE = 100;

    /** Which authorisations to list; each filter optional. */
    public record AuthorizationQuery(UUID chargePointId, ChargerEvents.AuthorizationStatus result, String idTag, Instant from, Instant to) {
    }

    private final ActivityRows rows;

    ChargerActivity(ActivityRows rows) {
        this.rows = rows;
    }

    /** Newest first. */
    public Page<Authorization> authorizations(AuthorizationQuery query, UUID afterId, int limit) {
        return rows.authorizations(query, afterId, checked(limit));
    }

    public java.util.Optional<Authorization> authorization(UUID id) {
        return rows.authorization(id);
    }

    /** Newest first; the page after {@code beforeId} continues with older entries. */
    public Page<NetworkStatusChange> networkStatusHistory(UUID chargePointId, Long beforeId, int limit) {
        return rows.networkStatusHistory(chargePointId, beforeId, checked(limit));
    }

    private static int checked(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new DomainException(ErrorCode.INVALID, "first", "A page holds 1 to " + MAX_PAGE + " entries.");
        }
        return limit;
    }
}
