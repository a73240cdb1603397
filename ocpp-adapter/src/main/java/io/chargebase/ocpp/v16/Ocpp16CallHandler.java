package io.chargebase.ocpp.v16;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.chargebase.domain.charging.ChargerEvents;
import io.chargebase.domain.charging.ChargerRef;
import io.chargebase.ocpp.rpc.CallErrorException;
import io.chargebase.ocpp.rpc.CallHandler;
import io.chargebase.ocpp.rpc.RpcErrorCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The calls one OCPP 1.6 charger makes, handed to the domain's {@link ChargerEvents} and answered in 1.6's words.
 * Total over the charger-initiated actions: each maps its (schema-checked) request with {@link Messages16} and
 * answers synchronously, on the thread the endpoint calls it on, so one charger's messages are handled in order.
 *
 * <p>A charger whose last BootNotification was answered Pending or Rejected gets a SecurityError for anything but
 * another BootNotification (and, while Pending, a Heartbeat): OCPP 1.6 §4.2.1 says it shall send no other request
 * until it is accepted, and OCPP-J 1.6 §4.2.3 names SecurityError for a call the sender may not make. The outcome is
 * the last boot's on whichever connection it came, so a charger that reconnects without rebooting carries on as it
 * was; one that never booted here passed the handshake with its own secret and may talk at once, as many chargers
 * send StatusNotification right after connecting and a charger moved from another central system need not reboot.
 */
public final class Ocpp16CallHandler implements CallHandler {

    private final ChargerEvents events;
    private final ChargerRef charger;
    /** The registration this connection knows; {@code null} until it is looked up or the charger boots. */
    private volatile ChargerEvents.RegistrationStatus registration;

    public Ocpp16CallHandler(ChargerEvents events, ChargerRef charger) {
        this.events = Objects.requireNonNull(events, "events");
        this.charger = Objects.requireNonNull(charger, "charger");
    }

    @Override
    public CompletionStage<JsonNode> handle(String actionName, JsonNode payload) {
        Action16 action = Action16.fromName(actionName)
                .orElseThrow(() -> new CallErrorException(RpcErrorCode.NOT_IMPLEMENTED, "Unknown action " + actionName));
        if (action != Action16.BOOT_NOTIFICATION && !mayCall(action)) {
            throw new CallErrorException(RpcErrorCode.SECURITY_ERROR,
                    action.actionName() + " before the central system accepted the charger's BootNotification (it is " + registration + ")");
        }
        return CompletableFuture.completedFuture(answer(action, payload));
    }

    private boolean mayCall(Action16 action) {
        ChargerEvents.RegistrationStatus current = registration;
        if (current == null) {
            current = events.registration(charger).orElse(ChargerEvents.RegistrationStatus.ACCEPTED);
            registration = current;
        }
        return current == ChargerEvents.RegistrationStatus.ACCEPTED
                || current == ChargerEvents.RegistrationStatus.PENDING && action == Action16.HEARTBEAT;
    }

    private JsonNode answer(Action16 action, JsonNode request) {
        return switch (action) {
            case BOOT_NOTIFICATION -> {
                ChargerEvents.Boot boot = events.boot(charger, Messages16.bootInfo(request));
                registration = boot.status();
                yield Messages16.bootAnswer(boot);
            }
            case HEARTBEAT -> Messages16.object().put("currentTime", Messages16.dateTime(events.heartbeat(charger)));
            case STATUS_NOTIFICATION -> {
                events.status(charger, Messages16.connectorStatus(request));
                yield Messages16.object();
            }
            case AUTHORIZE -> Messages16.object()
                    .set("idTagInfo", Messages16.idTagInfo(events.authorize(charger, request.path("idTag").asString())));
            case START_TRANSACTION -> Messages16.startAnswer(events.startTransaction(charger, Messages16.transactionStart(request)));
            case METER_VALUES -> {
                events.meterValues(charger, request.path("connectorId").asInt(),
                        request.hasNonNull("transactionId") ? request.get("transactionId").asInt() : null,
                        Messages16.samples(request.path("meterValue")));
                yield Messages16.object();
            }
            case STOP_TRANSACTION -> stopAnswer(events.stopTransaction(charger, Messages16.transactionStop(request)));
            case DATA_TRANSFER -> Messages16.dataTransferAnswer(events.dataTransfer(charger, request.path("vendorId").asString(),
                    Messages16.optionalText(request, "messageId"), Messages16.optionalText(request, "data")));
            case FIRMWARE_STATUS_NOTIFICATION -> {
                events.firmwareStatus(charger, request.path("status").asString());
                yield Messages16.object();
            }
            case DIAGNOSTICS_STATUS_NOTIFICATION -> {
                events.diagnosticsStatus(charger, request.path("status").asString());
                yield Messages16.object();
            }
            // CentralSystemRules16 answers these with NotSupported before a handler sees them
            default -> throw new CallErrorException(RpcErrorCode.NOT_SUPPORTED,
                    action.actionName() + " is not sent by the charge point");
        };
    }

    private static ObjectNode stopAnswer(ChargerEvents.IdTagInfo info) {
        ObjectNode answer = Messages16.object();
        if (info != null) {
            answer.set("idTagInfo", Messages16.idTagInfo(info));
        }
        return answer;
    }
}
