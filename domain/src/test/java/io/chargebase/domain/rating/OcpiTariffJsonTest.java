package io.chargebase.domain.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Currency;

import org.junit.jupiter.api.Test;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.rating.json.OcpiTariffJson;

class OcpiTariffJsonTest {

    private static final String VALID = """
            {"id": "1", "currency": "EUR", "party_id": "ALL", "unknown_extension": {"a": 1},
             "elements": [{"price_components": [{"type": "ENERGY", "price": 0.25, "vat": 10.0, "step_size": 1}],
                           "restrictions": {"start_time": "23:00", "end_time": "07:00", "day_of_week": ["MONDAY", "SUNDAY"]}}],
             "max_price": {"excl_vat": 10}}
            """;

    private static void refused(String json, ErrorCode code, String field) {
        assertThatThrownBy(() -> OcpiTariffJson.parse(json)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    @Test
    void readsTheModelAndIgnoresUnknownFields() {
        Tariff tariff = OcpiTariffJson.parse(VALID);

        assertThat(tariff.currency()).isEqualTo(Currency.getInstance("EUR"));
        Restrictions restrictions = tariff.elements().getFirst().restrictions();
        assertThat(restrictions.startTime()).isEqualTo(LocalTime.of(23, 0));
        assertThat(restrictions.daysOfWeek()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.SUNDAY);
        assertThat(tariff.maxPrice()).isEqualTo(Price.of("10", null));
        assertThat(OcpiTariffJson.parse(OcpiTariffJson.write(tariff))).isEqualTo(tariff);
    }

    @Test
    void misspelledRestrictionIsIgnoredNotGuessed() {
        // codeberg-derived misspelled_field: "dayOfWeek" is not an OCPI field (the linter reports it as unexpected), so
        // both elements are unrestricted and the first prices every day. Its lower-case "gbp" is read as GBP.
        Tariff tariff = OcpiTariffJson.parse(ReferenceData.read(ReferenceData.ocpi().resolve("codeberg-derived-extra/misspelled_field/tariff.json")));
        assertThat(tariff.currency()).isEqualTo(Currency.getInstance("GBP"));
        assertThat(tariff.elements()).allSatisfy(element -> assertThat(element.restrictions().isEmpty()).isTrue());
    }

    @Test
    void badValuesAreRefusedWithTheirPath() {
        refused(VALID.replace("\"price\": 0.25", "\"price\": \"0.25\""), ErrorCode.INVALID, "elements[0].price_components[0].price");
        refused(VALID.replace("\"price\": 0.25", "\"price\": -0.25"), ErrorCode.INVALID, "elements[0].price_components[0].price");
        refused(VALID.replace("\"step_size\": 1", "\"step_size\": 1.5"), ErrorCode.INVALID, "elements[0].price_components[0].step_size");
        refused(VALID.replace(", \"step_size\": 1", ""), ErrorCode.REQUIRED, "elements[0].price_components[0].step_size");
        refused(VALID.replace("\"ENERGY\"", "\"KWH\""), ErrorCode.INVALID, "elements[0].price_components[0].type");
        refused(VALID.replace("\"23:00\"", "\"24:00\""), ErrorCode.INVALID, "elements[0].restrictions.start_time");
        refused(VALID.replace("\"SUNDAY\"", "\"SUN\""), ErrorCode.INVALID, "elements[0].restrictions.day_of_week[1]");
        refused(VALID.replace("\"EUR\"", "\"XYZ\""), ErrorCode.INVALID_CURRENCY, "currency");
        refused(VALID.replace("\"currency\": \"EUR\",", ""), ErrorCode.REQUIRED, "currency");
        refused(VALID.replace("\"elements\"", "\"elementz\""), ErrorCode.REQUIRED, "elements");
        refused(VALID.replace("{\"excl_vat\": 10}", "{\"incl_vat\": 10}"), ErrorCode.REQUIRED, "max_price.excl_vat");
        refused("{not json", ErrorCode.INVALID, "$");
    }
}
