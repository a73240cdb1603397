package io.chargebase.domain.identity;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.organisation.Profiles;
import io.chargebase.domain.tokens.Tokens;

/**
 * A driver deletes their account. The records a tenant must keep for its accounts (sessions, CDRs, the ledger) stay
 * and keep naming the profile, but the profile no longer names the person: their name, e-mail address and phone are
 * erased, their tokens are blocked and no longer theirs, and the account is disabled, with every sign-in ended. The
 * person's e-mail address is free to sign up again, as someone new.
 *
 * <p>Acts for the whole tenant: the tokens it releases leave the driver's own scope, which a driver's narrowed
 * transaction could not write.
 */
@Service
@Transactional
public class AccountErasure {

    static final String REASON = "The driver deleted their account.";

    private final Users users;
    private final Profiles profiles;
    private final Tokens tokens;

    AccountErasure(Users users, Profiles profiles, Tokens tokens) {
        this.users = users;
        this.profiles = profiles;
        this.tokens = tokens;
    }

    /** Erases the driver's account, profile and token ownership in one transaction; all or nothing. */
    public User eraseDriver(UUID userId) {
        User user = users.find(userId).orElseThrow(() -> DomainException.notFound("id", "user", userId));
        if (user.role() != UserRole.DRIVER || user.profileId() == null) {
            throw new DomainException(ErrorCode.INVALID, null, "Only a driver's own account is deleted this way.");
        }
        tokens.releaseOwnedBy(user.profileId(), REASON, user.id().toString());
        profiles.erase(user.profileId());
        return users.erase(user.id());
    }
}
