/** SQL of the charging context, and the transaction-id blocks an instance reserves from it; only its services use it. */
package io.chargebase.domain.charging.internal;
