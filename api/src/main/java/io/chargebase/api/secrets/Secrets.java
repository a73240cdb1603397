package io.chargebase.api.secrets;

import java.nio.file.Path;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.chargebase.api.database.DatabaseProperties;
import io.chargebase.api.database.DatabaseTarget;

/**
 * The boxes of each purpose, under the key of this installation: {@value EncryptionKey#SETTING} when set, else in
 * local mode the key kept in {@value #LOCAL_KEY_FILE} inside the local data directory (deleting that directory to
 * start over deletes both).
 */
@Component
public class Secrets {

    static final String LOCAL_KEY_FILE = "chargebase-encryption.key";

    private final SecretBox signingKeys;
    private final SecretBox mailCodes;

    @org.springframework.beans.factory.annotation.Autowired
    Secrets(Environment environment, DatabaseTarget database, DatabaseProperties properties) {
        this(key(environment.getProperty(EncryptionKey.SETTING), database.local(), properties.localDataDirectory()));
    }

    public Secrets(EncryptionKey key) {
        this.signingKeys = new SecretBox(key, "signing key");
        this.mailCodes = new SecretBox(key, "mailed code");
    }

    private static EncryptionKey key(String configured, boolean local, Path localDataDirectory) {
        if (configured != null && !configured.isBlank()) {
            return EncryptionKey.parse(configured);
        }
        return local ? EncryptionKey.localFile(localDataDirectory.resolve(LOCAL_KEY_FILE)) : EncryptionKey.parse(configured);
    }

    /** For the RSA private keys of the issuers; the context is the key id. */
    public SecretBox signingKeys() {
        return signingKeys;
    }

    /** For single-use codes waiting in the mail outbox; the context is the tenant and the message id. */
    public SecretBox mailCodes() {
        return mailCodes;
    }
}
