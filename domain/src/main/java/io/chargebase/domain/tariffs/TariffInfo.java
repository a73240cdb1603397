package io.chargebase.domain.tariffs;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.Text;

/** What drivers read about a tariff: a short description, longer information, and a link to learn more. */
public record TariffInfo(String description, String information, String learnMoreUrl) {

    public static final TariffInfo NONE = new TariffInfo(null, null, null);

    public TariffInfo {
        description = Text.optional("description", description, 500);
        information = Text.optional("information", information, 5000);
        learnMoreUrl = Text.optional("learnMoreUrl", learnMoreUrl, 500);
        if (learnMoreUrl != null && !learnMoreUrl.matches("https?://\\S+")) {
            throw new DomainException(ErrorCode.INVALID, "learnMoreUrl", "A learn-more link is an http(s) address.");
        }
    }
}
