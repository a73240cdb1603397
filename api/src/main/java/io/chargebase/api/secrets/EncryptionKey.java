package io.chargebase.api.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The 256-bit key from {@code chargebase.security.signing-key-encryption-key} (base64). Its fingerprint (the first
 * four bytes of its SHA-256) goes into every sealed value, so a value sealed under another key is reported as such.
 */
public final class EncryptionKey {

    public static final String SETTING = "chargebase.security.signing-key-encryption-key";
    static final String ENVIRONMENT = "CHARGEBASE_SECURITY_SIGNING_KEY_ENCRYPTION_KEY";
    static final int BYTES = 32;

    private final byte[] key;
    private final byte[] fingerprint;

    private EncryptionKey(byte[] key) {
        this.key = key.clone();
        this.fingerprint = Arrays.copyOf(sha256(key), 4);
    }

    /** The configured key; a missing or malformed one is a start-up error that says how to make one. */
    public static EncryptionKey parse(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(SETTING + " (" + ENVIRONMENT + ") is not set. It encrypts the stored signing keys and "
                    + "mailed codes and is required outside local mode: give it 32 random bytes in base64, e.g. the output of "
                    + "'openssl rand -base64 32', and keep it as safe as the database password.");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(SETTING + " is not base64: give it 32 random bytes in base64 ('openssl rand -base64 32').");
        }
        if (decoded.length != BYTES) {
            throw new IllegalStateException(SETTING + " decodes to " + decoded.length + " bytes; it must be exactly " + BYTES
                    + " (a 256-bit key, e.g. 'openssl rand -base64 32').");
        }
        return new EncryptionKey(decoded);
    }

    /** Local mode's key: read from the file, or made once and written there (readable by its owner only). */
    public static EncryptionKey localFile(Path file) {
        try {
            if (Files.exists(file)) {
                return parse(Files.readString(file, StandardCharsets.US_ASCII));
            }
            byte[] fresh = new byte[BYTES];
            new SecureRandom().nextBytes(fresh);
            Files.createDirectories(file.getParent());
            Path written = Files.writeString(file.resolveSibling(file.getFileName() + ".new"),
                    Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions: the user's home folder protects it
            }
            Files.move(written, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new EncryptionKey(fresh);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create local mode's encryption key at " + file, e);
        }
    }

    byte[] bytes() {
        return key.clone();
    }

    byte[] fingerprint() {
        return fingerprint.clone();
    }

    public String fingerprintHex() {
        return HexFormat.of().formatHex(fingerprint);
    }

    private static byte[] sha256(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
