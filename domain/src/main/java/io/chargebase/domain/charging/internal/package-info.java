/** SQL of the charging context; only its services use it. */
package io.chargebase.domain.charging.internal;
