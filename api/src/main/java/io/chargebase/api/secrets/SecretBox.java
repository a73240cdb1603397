package io.chargebase.api.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for one purpose. Its key is derived from the configured key with HKDF-SHA256 (RFC 5869) and the
 * purpose as info, so a value sealed for one purpose never opens for another; the caller's context (a key id, a
 * row's id) is the associated data, so a sealed value moved to another row does not open either.
 *
 * <p>Sealed layout: version (1 byte, 1), the configured key's fingerprint (4), nonce (12), ciphertext and tag.
 */
public final class SecretBox {

    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String purpose;
    private final SecretKeySpec key;
    private final byte[] fingerprint;

    SecretBox(EncryptionKey master, String purpose) {
        this.purpose = purpose;
        this.key = new SecretKeySpec(hkdf(master.bytes(), ("chargebase " + purpose).getBytes(StandardCharsets.UTF_8)), "AES");
        this.fingerprint = master.fingerprint();
    }

    public byte[] seal(byte[] plain, String context) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + fingerprint.length + NONCE + sealed.length)
                    .put(VERSION).put(fingerprint).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }

    public byte[] seal(String plain, String context) {
        return seal(plain.getBytes(StandardCharsets.UTF_8), context);
    }

    /** The plain bytes; fails with a message an operator can act on when the value was sealed under another key. */
    public byte[] open(byte[] sealed, String context) {
        if (sealed == null || sealed.length < 1 + fingerprint.length + NONCE + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new SealedValueException("The " + purpose + " sealed for " + context + " is not in a format this version reads.");
        }
        byte[] sealedWith = Arrays.copyOfRange(sealed, 1, 1 + fingerprint.length);
        if (!Arrays.equals(sealedWith, fingerprint)) {
            throw new SealedValueException("The " + purpose + " for " + context + " was encrypted with another "
                    + EncryptionKey.SETTING + " (fingerprint " + HexFormat.of().formatHex(sealedWith) + ", the configured key's is "
                    + HexFormat.of().formatHex(fingerprint) + "): configure the key it was made with.");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            int offset = 1 + fingerprint.length;
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, offset, NONCE));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, offset + NONCE, sealed.length - offset - NONCE);
        } catch (AEADBadTagException e) {
            throw new SealedValueException("The " + purpose + " for " + context + " does not open: it was changed or belongs elsewhere.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }

    public String openString(byte[] sealed, String context) {
        return new String(open(sealed, context), StandardCharsets.UTF_8);
    }

    /** HKDF with an all-zero salt, one block of output: the 32 bytes AES-256 needs. */
    private static byte[] hkdf(byte[] inputKey, byte[] info) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
            byte[] pseudoRandomKey = mac.doFinal(inputKey);
            mac.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
            mac.update(info);
            mac.update((byte) 1);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** A sealed value that cannot be opened with the configured key. */
    public static final class SealedValueException extends RuntimeException {

        SealedValueException(String message) {
            super(message);
        }
    }
}
