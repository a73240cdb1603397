package io.chargebase.domain.tariffs;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operator's definition of a version's prices, stored as JSON beside the OCPI tariff it compiled into, with
 * {@code pricesIncludeVat} when the prices were entered including VAT (absent in versions written before, which
 * read as excluding it).
 */
final class TariffDefinitionJson {

    private static final String INCLUDES_VAT = "pricesIncludeVat";

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private TariffDefinitionJson() {
    }

    static String write(TariffPricing pricing) {
        return JSON.writeValueAsString(pricing);
    }

    static String write(TariffPricing pricing, boolean pricesIncludeVat) {
        if (!pricesIncludeVat) {
            return write(pricing);
        }
        ObjectNode node = JSON.valueToTree(pricing);
        node.put(INCLUDES_VAT, true);
        return JSON.writeValueAsString(node);
    }

    static TariffPricing read(String json) {
        return JSON.readValue(json, TariffPricing.class);
    }

    static boolean pricesIncludeVat(String json) {
        return JSON.readTree(json).path(INCLUDES_VAT).asBoolean(false);
    }
}
