/**
 * The JSON edge of rating: OCPI tariff and CDR documents read into the pure model of {@code rating} (and tariffs
 * written back), with field paths in every refusal. Kept apart so that {@code rating} itself stays free of Jackson.
 */
package io.chargebase.domain.rating.json;
