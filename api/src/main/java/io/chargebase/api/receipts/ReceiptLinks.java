package io.chargebase.api.receipts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.chargebase.tenancy.TenantId;

/**
 * Short-lived download links for receipts' PDFs: {@code /receipts/{tenant}/{receipt}.pdf?expires=…&signature=…}, the
 * signature an HMAC-SHA256 over tenant, receipt and expiry with {@code chargebase.receipts.link-key}. GraphQL hands a
 * link only to a caller who may read the receipt (row-level security decides), so the app can open it in a browser or
 * a PDF viewer that carries no token. Replicas must share the key; without one configured each instance makes its own
 * at start, and its links work only on that instance until it restarts.
 */
@Component
public class ReceiptLinks {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptLinks.class);
    static final Duration VALID_FOR = Duration.ofMinutes(10);

    private final byte[] key;
    private final Clock clock;

    ReceiptLinks(@Value("${chargebase.receipts.link-key:}") String configuredKey, Clock clock) {
        this.clock = clock;
        if (configuredKey == null || configuredKey.isBlank()) {
            LOG.warn("chargebase.receipts.link-key is not set: receipt download links work only on this instance until it restarts");
            this.key = new byte[32];
            new SecureRandom().nextBytes(this.key);
        } else {
            this.key = Base64.getDecoder().decode(configuredKey.strip());
            if (key.length < 32) {
                throw new IllegalStateException("chargebase.receipts.link-key must hold at least 32 bytes (base64)");
            }
        }
    }

    /** A path on the API's host that serves the receipt's PDF for {@link #VALID_FOR}. */
    public String pathOf(TenantId tenant, UUID receipt) {
        long expires = clock.instant().plus(VALID_FOR).getEpochSecond();
        return "/receipts/" + tenant.value() + "/" + receipt + ".pdf?expires=" + expires + "&signature=" + signature(tenant.value(), receipt, expires);
    }

    /** Whether the signature is ours for these values and the link has not expired. */
    boolean valid(UUID tenant, UUID receipt, long expires, String signature) {
        if (signature == null || Instant.ofEpochSecond(expires).isBefore(clock.instant())) {
            return false;
        }
        return MessageDigest.isEqual(signature(tenant, receipt, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(UUID tenant, UUID receipt, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((tenant + "/" + receipt + "/" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
