/** SQL for locations, charge points, EVSEs and connectors; private to the assets context. */
package io.chargebase.domain.assets.internal;
