package io.chargebase.domain.operations;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.Text;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.operations.internal.CommandRows;
import io.chargebase.domain.Page;

/**
 * The actions log. A command is logged before it is sent (so a crash mid-call still shows it was tried) and
 * completed with whatever came back; the log is never edited otherwise.
 */
@Service
@Transactional
public class ChargerCommandLog {

    private final CommandRows rows;
    private final ChargePoints chargePoints;

    ChargerCommandLog(CommandRows rows, ChargePoints chargePoints) {
        this.rows = rows;
        this.chargePoints = chargePoints;
    }

    /** Every command carries why it was run (manual: Charge Point Actions, "at least provide a reason"); blank is refused. */
    public static String reason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new DomainException(ErrorCode.REQUIRED, "reason", "Give a reason for the action; it is kept with it in the actions log.");
        }
        return Text.required("reason", why, 500);
    }

    public ChargerCommand begin(UUID chargePointId, String action, String requestJson, String reason, String requestedBy) {
        String why = reason(reason);
        // the one place every command passes: an OU admin reaches only the charge points of their subtree
        chargePoints.findOperable(chargePointId).orElseThrow(() -> DomainException.notFound("chargePointId", "charge point", chargePointId));
        return rows.insert(UUID.randomUUID(), chargePointId, action, requestJson, why, requestedBy);
    }

    public ChargerCommand complete(UUID id, ChargerCommand.Outcome outcome, String chargerStatus, String responseJson, String error) {
        return rows.complete(id, outcome, chargerStatus == null ? null : chargerStatus.substring(0, Math.min(50, chargerStatus.length())),
                responseJson, error == null ? null : error.substring(0, Math.min(1000, error.length())));
    }

    @Transactional(readOnly = true)
    public Optional<ChargerCommand> find(UUID id) {
        return rows.find(id);
    }

    @Transactional(readOnly = true)
    public Page<ChargerCommand> list(UUID chargePointId, UUID afterId, int limit) {
        return rows.list(chargePointId, afterId, limit);
    }
}
