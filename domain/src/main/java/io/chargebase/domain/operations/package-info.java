/**
 * Operating chargers: the actions log of commands sent to charge points (who, why, what came back) and the local
 * authorisation lists they hold, versioned from the tenant's tokens.
 */
package io.chargebase.domain.operations;
