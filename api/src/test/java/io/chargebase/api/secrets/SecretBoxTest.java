package io.chargebase.api.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    private final Secrets secrets = new Secrets(EncryptionKey.parse(KEY));

    @Test
    void sealsAndOpensForTheSameContextOnly() {
        byte[] sealed = secrets.signingKeys().seal("private key", "kid-1");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("private key");
        assertThat(secrets.signingKeys().openString(sealed, "kid-1")).isEqualTo("private key");
        assertThat(secrets.signingKeys().seal("private key", "kid-1")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThatThrownBy(() -> secrets.signingKeys().open(sealed, "kid-2")).isInstanceOf(SecretBox.SealedValueException.class);
        assertThatThrownBy(() -> secrets.mailCodes().open(sealed, "kid-1")).as("another purpose, another key")
                .isInstanceOf(SecretBox.SealedValueException.class);
    }

    @Test
    void aValueSealedUnderAnotherKeySaysSo() {
        byte[] sealed = new Secrets(EncryptionKey.parse(OTHER_KEY)).mailCodes().seal("code", "t/1");

        assertThatThrownBy(() -> secrets.mailCodes().open(sealed, "t/1"))
                .hasMessageContaining("encrypted with another chargebase.security.signing-key-encryption-key");
    }

    @Test
    void aMissingOrMalformedKeyIsAClearStartUpError() {
        assertThatThrownBy(() -> EncryptionKey.parse(null)).hasMessageContaining("chargebase.security.signing-key-encryption-key")
                .hasMessageContaining("CHARGEBASE_SECURITY_SIGNING_KEY_ENCRYPTION_KEY").hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> EncryptionKey.parse("not base64!")).hasMessageContaining("not base64");
        assertThatThrownBy(() -> EncryptionKey.parse(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("decodes to 16 bytes");
    }

    @Test
    void localModeMakesItsKeyOnceAndReadsItOnEveryStart(@TempDir Path data) throws Exception {
        Path file = data.resolve(Secrets.LOCAL_KEY_FILE);
        EncryptionKey first = EncryptionKey.localFile(file);
        byte[] sealed = new Secrets(first).signingKeys().seal("kept", "k");

        EncryptionKey again = EncryptionKey.localFile(file);

        assertThat(Files.readString(file).strip()).hasSize(44);
        assertThat(again.fingerprintHex()).isEqualTo(first.fingerprintHex());
        assertThat(new Secrets(again).signingKeys().openString(sealed, "k")).isEqualTo("kept");
    }
}
