package io.chargebase.domain.tokens;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.Text;
import io.chargebase.domain.Page;
import io.chargebase.domain.organisation.Profiles;
import io.chargebase.domain.tokens.internal.TokenRows;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/** The tokens of the tenant acted for: issue, block and unblock them, with a history of every status change. */
@Service
@Transactional
public class Tokens {

    static final int MAX_PAGE = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenRows rows;
    private final Profiles profiles;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Tokens(TokenRows rows, Profiles profiles, Clock clock, ApplicationEventPublisher events) {
        this.rows = rows;
        this.profiles = profiles;
        this.clock = clock;
        this.events = events;
    }

    public Token create(NewToken request, String changedBy) {
        if (request.type() == null) {
            throw new DomainException(ErrorCode.REQUIRED, "type", "Say whether this is an RFID, app or ad-hoc token.");
        }
        TokenUid uid = request.uid() == null || request.uid().isBlank()
                ? generatedUid(request.type())
                : TokenUid.parse("uid", request.uid());
        EmaId emaId = request.emaId() == null || request.emaId().isBlank() ? null : EmaId.parse("emaId", request.emaId());
        UUID owner = null;
        if (request.ownerProfileId() != null) {
            owner = profiles.find(request.ownerProfileId())
                    .orElseThrow(() -> DomainException.notFound("ownerProfileId", "profile", request.ownerProfileId())).id();
        }
        BillingTarget billing = request.billing() == null ? BillingTarget.OWN_PAYMENT_METHOD : request.billing();
        if (billing == BillingTarget.CORPORATE_ACCOUNT && owner == null) {
            throw new DomainException(ErrorCode.REQUIRED, "ownerProfileId", "A token billed to a corporate account needs an owner in that organisation.");
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(clock.instant())) {
            throw new DomainException(ErrorCode.INVALID, "expiresAt", "The expiry must lie in the future.");
        }
        String visual = Text.optional("visualNumber", request.visualNumber(), 64);
        UUID id = UUID.randomUUID();
        Token token;
        try {
            token = rows.insert(id, uid, emaId, request.type(), request.expiresAt(), owner, visual, billing);
        } catch (DuplicateKeyException duplicate) {
            if (String.valueOf(duplicate.getMessage()).contains("token_ema_id_key")) {
                throw new DomainException(ErrorCode.DUPLICATE, "emaId", "Another token already has this EMA-ID.");
            }
            throw new DomainException(ErrorCode.DUPLICATE, "uid", "Another token already has this UID.");
        }
        rows.recordChange(id, null, TokenStatus.ACTIVE.name(), "Issued", changedBy);
        changed(uid);
        return token;
    }

    /**
     * Changes a token's owner, printed number, expiry or billing. A null field stays as it is; {@code clearExpiry}
     * removes the expiry. UID and EMA-ID never change: they are printed on the card.
     */
    public Token update(UUID id, UUID ownerProfileId, String visualNumber, java.time.Instant expiresAt, boolean clearExpiry,
            BillingTarget billing) {
        Token token = existing(id);
        UUID owner = ownerProfileId == null ? token.ownerProfileId() : profiles.find(ownerProfileId)
                .orElseThrow(() -> DomainException.notFound("ownerProfileId", "profile", ownerProfileId)).id();
        String visual = visualNumber == null ? token.visualNumber() : Text.optional("visualNumber", visualNumber, 64);
        java.time.Instant expiry = clearExpiry ? null : expiresAt == null ? token.expiresAt() : expiresAt;
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw new DomainException(ErrorCode.INVALID, "expiresAt", "The expiry must lie in the future.");
        }
        BillingTarget target = billing == null ? token.billing() : billing;
        if (target == BillingTarget.CORPORATE_ACCOUNT && owner == null) {
            throw new DomainException(ErrorCode.REQUIRED, "ownerProfileId", "A token billed to a corporate account needs an owner.");
        }
        Token updated = rows.update(id, owner, visual, expiry, target);
        changed(token.uid());
        return updated;
    }

    /** Blocks a token at once: chargers refuse it from their next question on. */
    public Token block(UUID id, String reason, String changedBy) {
        Token token = existing(id);
        if (token.blocked()) {
            throw new DomainException(ErrorCode.INVALID, "tokenId", "The token is blocked already.");
        }
        return setBlocked(token, true, Text.required("reason", reason, 500), changedBy);
    }

    public Token unblock(UUID id, String reason, String changedBy) {
        Token token = existing(id);
        if (!token.blocked()) {
            throw new DomainException(ErrorCode.INVALID, "tokenId", "The token is not blocked.");
        }
        return setBlocked(token, false, Text.required("reason", reason, 500), changedBy);
    }

    /**
     * Releases every token of a profile whose person leaves: each is blocked (chargers refuse it from their next
     * question on) and no longer names an owner. The tokens themselves stay, as the sessions and CDRs that name
     * their UIDs do.
     */
    public List<Token> releaseOwnedBy(UUID profileId, String reason, String changedBy) {
        List<Token> released = new java.util.ArrayList<>();
        for (Token token : rows.ownedBy(profileId)) {
            Token blocked = token.blocked() ? token : setBlocked(token, true, reason, changedBy);
            released.add(rows.update(blocked.id(), null, blocked.visualNumber(), blocked.expiresAt(), BillingTarget.OWN_PAYMENT_METHOD));
        }
        return released;
    }

    /** The tokens a profile owns, in the order they were issued. */
    @Transactional(readOnly = true)
    public List<Token> ownedBy(UUID profileId) {
        return rows.ownedBy(profileId);
    }

    @Transactional(readOnly = true)
    public Optional<Token> find(UUID id) {
        return rows.find(id);
    }

    /** The tokens with these ids, by id; ids of none (or out of scope) are left out. One statement. */
    @Transactional(readOnly = true)
    public Map<UUID, Token> findAll(Collection<UUID> ids) {
        Map<UUID, Token> found = new java.util.LinkedHashMap<>();
        if (!ids.isEmpty()) {
            rows.findAll(ids).forEach(token -> found.put(token.id(), token));
        }
        return found;
    }

    @Transactional(readOnly = true)
    public Optional<Token> findByUid(TokenUid uid) {
        return rows.findByUid(uid);
    }

    /**
     * The idTags among these that name a token the caller sees (row-level security decides: an OU admin sees the
     * tokens of their subtree's profiles, a driver their own); an idTag that is no token UID names none.
     */
    @Transactional(readOnly = true)
    public Set<String> visibleIdTags(Collection<String> idTags) {
        Map<String, TokenUid> uids = new HashMap<>();
        for (String idTag : idTags) {
            TokenUid.fromIdTag(idTag).ifPresent(uid -> uids.put(idTag, uid));
        }
        Set<TokenUid> visible = rows.existing(Set.copyOf(uids.values()));
        Set<String> result = new HashSet<>();
        uids.forEach((idTag, uid) -> {
            if (visible.contains(uid)) {
                result.add(idTag);
            }
        });
        return result;
    }

    /**
     * Refuses an idTag the caller may not start or reserve with: acting for the whole tenant any idTag goes (a roaming
     * or test tag included); a narrowed caller (an OU admin) may use only the tokens it sees, so that nobody starts a
     * session billed to a profile outside their subtree.
     */
    @Transactional(readOnly = true)
    public void requireUsable(String field, String idTag) {
        if (TenantContext.narrowing() instanceof TenantScope.Narrowing.Whole) {
            return;
        }
        if (visibleIdTags(List.of(idTag == null ? "" : idTag)).isEmpty()) {
            throw new DomainException(ErrorCode.NOT_FOUND, field, "No token of your organisation units has the id tag " + idTag + ".");
        }
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<TokenStatusChange>> history(Collection<UUID> tokenIds) {
        return rows.history(tokenIds);
    }

    @Transactional(readOnly = true)
    public Page<Token> search(String text, UUID ownerProfileId, UUID afterId, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new DomainException(ErrorCode.INVALID, "first", "A page holds 1 to " + MAX_PAGE + " tokens.");
        }
        return rows.search(Text.optional("text", text, 100), ownerProfileId, afterId, limit);
    }

    private Token setBlocked(Token token, boolean blocked, String reason, String changedBy) {
        String from = token.statusAt(clock.instant()).name();
        Token updated = rows.setBlocked(token.id(), blocked);
        rows.recordChange(token.id(), from, updated.statusAt(clock.instant()).name(), reason, changedBy);
        changed(token.uid());
        return updated;
    }

    private Token existing(UUID id) {
        if (id == null) {
            throw new DomainException(ErrorCode.REQUIRED, "tokenId", "A token is required.");
        }
        return rows.find(id).orElseThrow(() -> DomainException.notFound("tokenId", "token", id));
    }

    private void changed(TokenUid uid) {
        events.publishEvent(new TokenChanged(TenantContext.requireTenant(), uid));
        rows.notifyChanged(List.of(uid));
    }

    private static TokenUid generatedUid(TokenType type) {
        if (type == TokenType.RFID) {
            throw new DomainException(ErrorCode.REQUIRED, "uid", "An RFID token's UID is the one printed in its chip.");
        }
        byte[] bytes = new byte[7];
        RANDOM.nextBytes(bytes);
        return new TokenUid(HexFormat.of().withUpperCase().formatHex(bytes));
    }
}
