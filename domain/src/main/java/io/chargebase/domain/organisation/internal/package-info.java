/** SQL for organisation units and profiles; private to the organisation context. */
package io.chargebase.domain.organisation.internal;
