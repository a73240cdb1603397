package io.chargebase.api.ocpp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import io.chargebase.domain.charging.ChargerEvents;
import io.chargebase.domain.charging.ChargerRef;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * A stand-in for the charging domain that records what the transport reports and answers like an accepting central
 * system. Primary, so that the transport is tested on its own even where the real implementation is present.
 */
public class RecordingChargerEvents implements ChargerEvents {

    static final Duration INTERVAL = Duration.ofSeconds(300);

    /** One reported event: its name, the charger, what came with it, and the scope it was reported in. */
    public record Event(String name, ChargerRef charger, Object detail, TenantScope scope) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();

    public List<Event> of(ChargerRef charger) {
        return events.stream().filter(event -> event.charger().equals(charger)).toList();
    }

    public List<Event> named(String name) {
        return events.stream().filter(event -> event.name().equals(name)).toList();
    }

    private void record(String name, ChargerRef charger, Object detail) {
        events.add(new Event(name, charger, detail, TenantContext.current()));
    }

    @Override
    public void connected(ChargerRef charger, String remoteAddress, String protocol) {
        record("connected", charger, protocol);
    }

    @Override
    public void disconnected(ChargerRef charger) {
        record("disconnected", charger, null);
    }

    @Override
    public void frame(ChargerRef charger, FrameDirection direction, String action, String messageId, String text, Instant at) {
        record("frame", charger, direction + " " + action + " " + messageId + " " + text);
    }

    @Override
    public java.util.Optional<RegistrationStatus> registration(ChargerRef charger) {
        return named("boot").stream().anyMatch(event -> event.charger().equals(charger)) ? java.util.Optional.of(RegistrationStatus.ACCEPTED)
                : java.util.Optional.empty();
    }

    @Override
    public Boot boot(ChargerRef charger, BootInfo info) {
        record("boot", charger, info);
        return new Boot(RegistrationStatus.ACCEPTED, Instant.now(), INTERVAL);
    }

    @Override
    public Instant heartbeat(ChargerRef charger) {
        record("heartbeat", charger, null);
        return Instant.now();
    }

    @Override
    public void status(ChargerRef charger, ConnectorStatus status) {
        record("status", charger, status);
    }

    @Override
    public IdTagInfo authorize(ChargerRef charger, String idTag) {
        record("authorize", charger, idTag);
        return new IdTagInfo(AuthorizationStatus.ACCEPTED, null, null);
    }

    @Override
    public Started startTransaction(ChargerRef charger, TransactionStart start) {
        record("start", charger, start);
        return new Started(1, new IdTagInfo(AuthorizationStatus.ACCEPTED, null, null));
    }

    @Override
    public void meterValues(ChargerRef charger, int connectorId, Integer transactionId, List<MeterSample> samples) {
        record("meterValues", charger, samples);
    }

    @Override
    public IdTagInfo stopTransaction(ChargerRef charger, TransactionStop stop) {
        record("stop", charger, stop);
        return null;
    }

    @Override
    public DataTransferAnswer dataTransfer(ChargerRef charger, String vendorId, String messageId, String data) {
        record("dataTransfer", charger, vendorId);
        return new DataTransferAnswer(DataTransferStatus.UNKNOWN_VENDOR_ID, null);
    }

    @Override
    public void firmwareStatus(ChargerRef charger, String status) {
        record("firmwareStatus", charger, status);
    }

    @Override
    public void diagnosticsStatus(ChargerRef charger, String status) {
        record("diagnosticsStatus", charger, status);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        RecordingChargerEvents recordingChargerEvents() {
            return new RecordingChargerEvents();
        }
    }
}
