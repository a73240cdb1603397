package io.chargebase.api.ocpp;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.springframework.stereotype.Component;

import io.chargebase.domain.operations.ChargerCommand;
import io.chargebase.domain.operations.command.Command;
import io.chargebase.tenancy.TenantId;

/**
 * Tells a charger to start without authorization, or to stop doing so (issue 17 item 5): ChangeConfiguration of
 * FreeVendActive and, when turned on, FreeVendIdTag, the keys chargers with a free-vend mode commonly use. OCPP 1.6
 * has no standard key for it, so a charger that does not know them answers NotSupported and is set up at the charger
 * itself; the actions log keeps every answer.
 */
@Component
public class FreeVendConfiguration {

    static final String FREE_VEND_ACTIVE = "FreeVendActive";
    static final String FREE_VEND_ID_TAG = "FreeVendIdTag";

    private final PlatformCommands commands;

    FreeVendConfiguration(PlatformCommands commands) {
        this.commands = commands;
    }

    /** The commands sent, completed with what came back; the idTag is sent only once FreeVendActive was answered. */
    public CompletionStage<List<ChargerCommand>> push(TenantId tenant, UUID chargePointId, String idTag) {
        String reason = idTag != null ? "Plug and charge without authorization, with idTag " + idTag : "Charging with authorization only";
        List<ChargerCommand> sent = new ArrayList<>();
        return commands.send(tenant, chargePointId, new Command.ChangeConfiguration(FREE_VEND_ACTIVE, Boolean.toString(idTag != null)), reason)
                .thenCompose(active -> {
                    sent.add(active.command());
                    if (idTag == null || !active.answered()) {
                        return CompletableFuture.completedFuture(List.copyOf(sent));
                    }
                    return commands.send(tenant, chargePointId, new Command.ChangeConfiguration(FREE_VEND_ID_TAG, idTag), reason)
                            .thenApply(tag -> {
                                sent.add(tag.command());
                                return List.copyOf(sent);
                            });
                });
    }
}
