/** SQL of the operations context; only its services use it. */
package io.chargebase.domain.operations.internal;
