/**
 * Rating: what a charging session costs under an OCPI 2.2.1 tariff. The model ({@link io.chargebase.domain.rating.Tariff}
 * and its elements, price components and restrictions) is plain records that cannot be built invalid; the
 * {@link io.chargebase.domain.rating.RatingEngine} prices a {@link io.chargebase.domain.rating.RatingInput} (the session's
 * charging periods in the location's time zone) into a {@link io.chargebase.domain.rating.Rating}, purely and
 * deterministically. The operator's tariff types ({@link io.chargebase.domain.rating.OperatorTariff}) compile into the
 * same model, so one engine prices both our own sessions and roaming CDRs; where a type means more than OCPI can say
 * (power levels by the session's average, an idle fee's grace from the end of charging) its
 * {@link io.chargebase.domain.rating.RatingRules} tell the engine. {@link io.chargebase.domain.rating.TariffBoundaries}
 * says where a session must be cut into periods for a tariff. OCPI JSON stays at the edge, in
 * {@link io.chargebase.domain.rating.json.OcpiTariffJson} and {@link io.chargebase.domain.rating.json.OcpiCdrJson}.
 */
package io.chargebase.domain.rating;
