package io.chargebase.domain.assets;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;

/**
 * Plug and charge without authorization per charge point (the manual's free-vend option): the charger, set up for it,
 * starts when a car is plugged in and sends its free-vend idTag; that idTag is accepted at that charge point only, with
 * no token behind it, so the session is anonymous and priced for an ad-hoc customer (and billed to nobody). The idTag
 * defaults to {@value #DEFAULT_ID_TAG}; it must not be a token's UID, or a card would start anonymous sessions here.
 */
@Service
@Transactional
public class FreeVend {

    public static final String DEFAULT_ID_TAG = "FREEVEND";

    private final JdbcClient jdbc;

    FreeVend(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The charge point's free-vend idTag; empty when it charges only with authorization. */
    @Transactional(readOnly = true)
    public Optional<String> idTag(UUID chargePointId) {
        return jdbc.sql("select free_vend_id_tag from charge_point where id = ?").param(chargePointId).query(String.class).optional()
                .flatMap(Optional::ofNullable);
    }

    /** Whether the charger sent the free-vend idTag of this charge point (compared as OCPP compares idTags, ignoring case). */
    @Transactional(readOnly = true)
    public boolean accepts(UUID chargePointId, String idTag) {
        return idTag != null && idTag(chargePointId).filter(idTag::equalsIgnoreCase).isPresent();
    }

    /** Turns free vend on with {@code idTag} (null: {@value #DEFAULT_ID_TAG}), or off; answers the idTag now in force. */
    public Optional<String> set(UUID chargePointId, boolean enabled, String idTag) {
        String tag = null;
        if (enabled) {
            tag = idTag == null || idTag.isBlank() ? DEFAULT_ID_TAG : idTag.strip();
            if (tag.length() > 20) {
                throw new DomainException(ErrorCode.TOO_LONG, "idTag", "An OCPP 1.6 id tag has 1 to 20 characters.");
            }
            if (jdbc.sql("select exists (select 1 from token where upper(uid) = upper(?))").param(tag).query(Boolean.class).single()) {
                throw new DomainException(ErrorCode.DUPLICATE, "idTag", "A token has this UID; choose an idTag no card or app sends.");
            }
        }
        if (jdbc.sql("update charge_point set free_vend_id_tag = ? where id = ?").params(tag, chargePointId).update() == 0) {
            throw DomainException.notFound("chargePointId", "charge point", chargePointId);
        }
        return Optional.ofNullable(tag);
    }
}
