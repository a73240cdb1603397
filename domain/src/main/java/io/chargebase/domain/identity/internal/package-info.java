/** SQL for users and platform users; private to the identity context. */
package io.chargebase.domain.identity.internal;
