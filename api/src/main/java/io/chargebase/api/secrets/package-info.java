/**
 * Secrets at rest. {@link io.chargebase.api.secrets.SecretBox} seals what Chargebase must be able to read back but
 * never keep in clear (RSA signing keys, codes waiting in the mail outbox) with AES-256-GCM under a key derived per
 * purpose from {@code chargebase.security.signing-key-encryption-key}. The key comes from configuration outside local
 * mode (start-up fails clearly without it); local mode generates one beside its data, so both survive restarts.
 */
package io.chargebase.api.secrets;
