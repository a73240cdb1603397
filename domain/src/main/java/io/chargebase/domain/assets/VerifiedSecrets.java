package io.chargebase.domain.assets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Charger secrets this instance has already checked against their slow hash. Chargers reconnect often (network
 * drops, a replaced connection, a restart of the charger), and each reconnect would cost a full adaptive hash; a
 * secret confirmed once is remembered as a keyed SHA-256 of (stored hash, secret) under a key that never leaves
 * memory, so a later check of the same secret against the same stored hash is a digest comparison. Changing the
 * secret changes the stored hash, which forgets the confirmation. Wrong secrets are never remembered: they always pay
 * the full hash.
 */
final class VerifiedSecrets {

    private static final int REMEMBERED = 100_000;

    private final byte[] key = new byte[32];
    private final Map<UUID, byte[]> confirmed = new ConcurrentHashMap<>();

    VerifiedSecrets() {
        new SecureRandom().nextBytes(key);
    }

    boolean confirms(UUID chargePointId, String storedHash, String secret) {
        byte[] known = confirmed.get(chargePointId);
        return known != null && MessageDigest.isEqual(known, digest(storedHash, secret));
    }

    void remember(UUID chargePointId, String storedHash, String secret) {
        if (confirmed.size() >= REMEMBERED) {
            confirmed.clear();
        }
        confirmed.put(chargePointId, digest(storedHash, secret));
    }

    private byte[] digest(String storedHash, String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(key);
            sha.update(storedHash.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(secret.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
