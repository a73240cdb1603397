/** SQL of the tariffs context; only its services use it. */
package io.chargebase.domain.tariffs.internal;
