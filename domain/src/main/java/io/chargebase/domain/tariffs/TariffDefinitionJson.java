package io.chargebase.domain.tariffs;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The operator's definition of a version's prices, stored as JSON beside the OCPI tariff it compiled into. */
final class TariffDefinitionJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private TariffDefinitionJson() {
    }

    static String write(TariffPricing pricing) {
        return JSON.writeValueAsString(pricing);
    }

    static TariffPricing read(String json) {
        return JSON.readValue(json, TariffPricing.class);
    }
}
