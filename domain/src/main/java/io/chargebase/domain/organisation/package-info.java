/**
 * Organisation: a tenant's tree of organisation units (materialised path) and the profiles of the people it
 * serves. An OU is created under a parent, renamed, moved with its whole subtree, and deleted when empty; the
 * root made with the tenant can be renamed but never moved or deleted.
 */
package io.chargebase.domain.organisation;
