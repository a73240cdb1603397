/** The VAT table's and settings' SQL. */
package io.chargebase.domain.vat.internal;
