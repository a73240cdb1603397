package io.chargebase.api.graphql.vat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.UserError;
import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.vat.VatRate;
import io.chargebase.domain.vat.VatRates;
import io.chargebase.domain.vat.VatSettings;

/**
 * The VAT table and settings for the tenant's admins. Dates travel as {@code YYYY-MM-DD} (days of the tenant);
 * anything else, a rate outside 0–100 % or overlapping another of its name is a user error and changes nothing.
 */
@Controller
class VatController {

    record VatRateView(String vatRateId, String name, BigDecimal percent, String validFrom, String validUntil) {
        static VatRateView of(VatRate rate) {
            return new VatRateView(rate.id().toString(), rate.name(), rate.percent(), rate.validFrom().toString(),
                    rate.validUntil() == null ? null : rate.validUntil().toString());
        }
    }

    record VatRateInput(String name, BigDecimal percent, String validFrom, String validUntil) {
    }

    record CreateVatRateInput(VatRateInput rate) {
    }

    record UpdateVatRateInput(String vatRateId, VatRateInput rate) {
    }

    record DeleteVatRateInput(String vatRateId) {
    }

    record VatRatePayload(VatRateView vatRate, List<UserError> userErrors) {
    }

    record DeleteVatRatePayload(String deletedVatRateId, List<UserError> userErrors) {
    }

    record UpdateVatSettingsInput(String baseVatName, Boolean pricesIncludeVat) {
    }

    record UpdateVatSettingsPayload(VatSettings vatSettings, List<UserError> userErrors) {
    }

    private final VatRates rates;

    VatController(VatRates rates) {
        this.rates = rates;
    }

    @QueryMapping
    List<VatRateView> vatRates() {
        return rates.list().stream().map(VatRateView::of).toList();
    }

    @QueryMapping
    VatSettings vatSettings() {
        return rates.settings();
    }

    @MutationMapping
    VatRatePayload createVatRate(@Argument CreateVatRateInput input) {
        return UserError.attempt(() -> {
            VatRateInput rate = input.rate();
            return new VatRatePayload(VatRateView.of(rates.create(rate.name(), rate.percent(), day("rate.validFrom", rate.validFrom()),
                    day("rate.validUntil", rate.validUntil()))), List.of());
        }, errors -> new VatRatePayload(null, errors));
    }

    @MutationMapping
    VatRatePayload updateVatRate(@Argument UpdateVatRateInput input) {
        return UserError.attempt(() -> {
            VatRateInput rate = input.rate();
            return new VatRatePayload(VatRateView.of(rates.update(id(input.vatRateId()), rate.name(), rate.percent(),
                    day("rate.validFrom", rate.validFrom()), day("rate.validUntil", rate.validUntil()))), List.of());
        }, errors -> new VatRatePayload(null, errors));
    }

    @MutationMapping
    DeleteVatRatePayload deleteVatRate(@Argument DeleteVatRateInput input) {
        return UserError.attempt(() -> new DeleteVatRatePayload(rates.delete(id(input.vatRateId())).toString(), List.of()),
                errors -> new DeleteVatRatePayload(null, errors));
    }

    @MutationMapping
    UpdateVatSettingsPayload updateVatSettings(@Argument UpdateVatSettingsInput input) {
        return UserError.attempt(() -> new UpdateVatSettingsPayload(rates.updateSettings(new VatSettings(input.baseVatName(),
                Boolean.TRUE.equals(input.pricesIncludeVat()))), List.of()), errors -> new UpdateVatSettingsPayload(null, errors));
    }

    private static LocalDate day(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException(ErrorCode.INVALID, field, "A day is written YYYY-MM-DD, like 2027-01-01.");
        }
    }

    private static UUID id(String raw) {
        try {
            return UUID.fromString(raw == null ? "" : raw.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.NOT_FOUND, "vatRateId", "No VAT rate " + raw + ".");
        }
    }
}
