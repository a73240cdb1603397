/**
 * The business of a tenant. Each sub-package is one context (organisation now; tokens, assets, tariffs,
 * charging and billing later) whose root package is its public face and whose {@code internal} package is private.
 * What belongs to no single context lives here: the vocabulary of refusals ({@link io.chargebase.domain.DomainException})
 * and a page of a longer list ({@link io.chargebase.domain.Page}). A context needing another's answer calls its
 * public face; where that would close a cycle, the asking context declares a port that the other implements
 * ({@code organisation.UnitAdministrators}, {@code tariffs.TariffUsages}). {@code ContextBoundariesTest} and the api's
 * {@code ModuleBoundariesTest} keep these rules.
 */
package io.chargebase.domain;
