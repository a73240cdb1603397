package io.chargebase.api.ocpp;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

import io.chargebase.ocpp.rpc.RpcErrorCode;
import io.chargebase.ocpp.v16.Action16;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * The OCPP transport's meters, and the observation (a span and a timer) each message from a charger is handled in, so
 * that its SQL lands in one trace per message. Every tag has a fixed set of values: actions are the 28 of OCPP 1.6 (anything else a
 * charger sends counts as {@code unknown}), error codes those of OCPP-J 1.6, outcomes a handful; chargers and tenants
 * are never tags, so a fleet of any size makes the same number of series.
 */
@Component
class OcppTelemetry {

    static final String UNKNOWN = "unknown";
    private static final String ACTION = "ocpp.action";

    private final MeterRegistry registry;
    private final ObservationRegistry observations;
    /** The counters of answered calls, looked up once: a few dozen (tags of fixed values), counted for every message. */
    private final ConcurrentMap<String, Counter> answered = new ConcurrentHashMap<>();

    OcppTelemetry(MeterRegistry registry, ObservationRegistry observations) {
        this.registry = registry;
        this.observations = observations;
    }

    /** Not started: the caller starts it, and names its action once the frame is decoded. */
    Observation message() {
        return Observation.createNotStarted("ocpp.message", observations).contextualName("ocpp message")
                .lowCardinalityKeyValue(ACTION, UNKNOWN);
    }

    static void named(Observation message, String action) {
        String bounded = bounded(action);
        message.lowCardinalityKeyValue(ACTION, bounded).contextualName("ocpp " + bounded);
    }

    /**
     * A call answered: {@code direction} {@code in} for a call the charger made (answered here), {@code out} for one
     * made to the charger; {@code outcome} {@code result} or {@code error}.
     */
    void answered(String direction, String action, String outcome) {
        String bounded = bounded(action);
        answered.computeIfAbsent(direction + ' ' + bounded + ' ' + outcome, key -> Counter.builder("ocpp.messages")
                .description("OCPP calls answered, by action and outcome")
                .tag("direction", direction).tag("action", bounded).tag("outcome", outcome).register(registry)).increment();
    }

    /** A CALLERROR this instance sent to a charger. */
    void callErrorSent(RpcErrorCode code) {
        Counter.builder("ocpp.callerrors.sent").description("CALLERRORs sent to chargers, by error code")
                .tag("code", code == null ? UNKNOWN : code.wireName()).register(registry).increment();
    }

    /** A charger's message turned away (or, a heartbeat, answered without the database) because the platform was overloaded. */
    void shed(String action) {
        Counter.builder("ocpp.shed").description("Charger messages shed under overload, by action")
                .tag("action", bounded(action)).register(registry).increment();
    }

    /** A command from the time it was asked for until it was answered or failed. */
    Timer.Sample startCommand() {
        return Timer.start(registry);
    }

    void commandFinished(Timer.Sample sample, Action16 action, Throwable failure) {
        String outcome = failure == null ? "answered" : outcomeOf(failure);
        sample.stop(Timer.builder("ocpp.command.round.trip").description("Commands to chargers, from the request to the answer")
                .tag("action", action.actionName()).tag("outcome", outcome).register(registry));
    }

    private static String outcomeOf(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof ChargerCommandException ? cause.getClass().getSimpleName().toLowerCase(Locale.ROOT) : "failed";
    }

    static String bounded(String action) {
        return action == null ? UNKNOWN : Action16.fromName(action).map(Action16::actionName).orElse(UNKNOWN);
    }
}
