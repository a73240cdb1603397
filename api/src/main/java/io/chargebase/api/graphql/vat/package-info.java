/** The tenant's VAT table and VAT settings over GraphQL, for its admins. */
package io.chargebase.api.graphql.vat;
