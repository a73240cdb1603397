/**
 * Identity: the people who sign in. Tenant users (tenant admins, OU admins bound to one unit, analysts, and
 * drivers bound to their profile) and the platform operator's staff. Passwords are hashed through the
 * {@link io.chargebase.domain.identity.PasswordHashing} port; repeated failures lock an account for a while.
 */
package io.chargebase.domain.identity;
