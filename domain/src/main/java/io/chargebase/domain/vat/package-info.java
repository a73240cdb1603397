/**
 * VAT as operators work with it (the manual's VAT and Base VAT): the tenant's table of named rates, each valid for a
 * period of days with no overlap within a name ({@link io.chargebase.domain.vat.VatRates}), the base VAT receipts
 * use, and whether tariff prices are entered including VAT ({@link io.chargebase.domain.vat.VatSettings}). Tariffs
 * read the settings when they compile prices; receipts read the rates. Depends on nothing but tenancy, so both can.
 */
package io.chargebase.domain.vat;
