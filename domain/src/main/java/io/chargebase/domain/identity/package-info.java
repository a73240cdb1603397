/**
 * Identity: the people who sign in. Tenant users (tenant admins, OU admins bound to one unit, analysts, and
 * drivers bound to their profile) and the platform operator's staff. Passwords are hashed through the
 * {@link io.chargebase.domain.identity.PasswordHashing} port; repeated failures lock an account for a while, which a
 * sign-in answer never reveals. Single-use codes are stored only as hashes and travel in a
 * {@link io.chargebase.domain.identity.Mail} apart from its text, so that no stored copy of the message holds them.
 */
package io.chargebase.domain.identity;
