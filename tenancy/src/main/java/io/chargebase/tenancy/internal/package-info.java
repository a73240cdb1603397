/** Persistence of the tenancy context; private to it. */
package io.chargebase.tenancy.internal;
