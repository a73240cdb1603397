/** SQL of the billing context; only its services use it. */
package io.chargebase.domain.billing.internal;
