package io.chargebase.domain.assets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Hashes for the charger secrets the platform generates. Such a secret has 144 random bits: nobody can guess it from
 * its hash, however fast the hash, so a salted SHA-256 protects it as well as an adaptive password hash does, and a
 * charger reconnecting (after a network drop, or all of them after a deployment) costs a microsecond instead of tens
 * of milliseconds of CPU. Secrets an operator chooses are low-entropy like any password and keep the adaptive hash.
 * Format: {@code {sha256-salted}<salt>$<digest>}, both Base64.
 */
final class GeneratedSecrets {

    static final String PREFIX = "{sha256-salted}";
    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedSecrets() {
    }

    static boolean isGeneratedHash(String hash) {
        return hash != null && hash.startsWith(PREFIX);
    }

    static String hash(String secret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return PREFIX + Base64.getEncoder().encodeToString(salt) + "$" + Base64.getEncoder().encodeToString(digest(salt, secret));
    }

    /** Whether {@code secret} is the one hashed; false for a malformed hash. Compares in constant time. */
    static boolean matches(String secret, String hash) {
        if (!isGeneratedHash(hash)) {
            return false;
        }
        String[] parts = hash.substring(PREFIX.length()).split("\\$", -1);
        if (parts.length != 2) {
            return false;
        }
        try {
            return MessageDigest.isEqual(Base64.getDecoder().decode(parts[1]), digest(Base64.getDecoder().decode(parts[0]), secret));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static byte[] digest(byte[] salt, String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
