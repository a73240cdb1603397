package io.chargebase.domain.tariffs;

import java.util.List;
import java.util.UUID;

/**
 * Where other contexts use a tariff, which keeps it from being deleted: e.g. the CDRs that charging rated with it.
 * Charging depends on tariffs, so it answers through this interface rather than tariffs reading its tables.
 */
public interface TariffUsages {

    /** What uses the tariff, as words for the refusal ("rated CDRs"); empty when nothing does. */
    List<String> of(UUID tariffId);
}
