/**
 * The business of a tenant. Each sub-package is one context (organisation now; tokens, assets, tariffs,
 * charging and billing later) whose root package is its public face and whose {@code internal} package is private.
 * The shared vocabulary of refusals lives here: {@link io.chargebase.domain.DomainException}.
 */
package io.chargebase.domain;
