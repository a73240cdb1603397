package io.chargebase.domain.vat;

/**
 * The tenant's base VAT (a name in its VAT table; null until chosen) and whether tariff prices are entered including
 * VAT. The default, prices excluding VAT, keeps tariffs written before the setting existed as they are.
 */
public record VatSettings(String baseVatName, boolean pricesIncludeVat) {

    public static final VatSettings DEFAULTS = new VatSettings(null, false);
}
