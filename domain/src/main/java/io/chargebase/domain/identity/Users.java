package io.chargebase.domain.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.Text;
import io.chargebase.domain.identity.internal.UserRows;
import io.chargebase.domain.organisation.EmailAddress;
import io.chargebase.domain.organisation.OrganisationUnits;
import io.chargebase.domain.organisation.Profiles;

/** The users of the tenant acted for: who they are, what role they hold, and whether they may sign in. */
@Service
@Transactional
public class Users {

    private final UserRows rows;
    private final PasswordHashing hashing;
    private final Clock clock;
    private final OrganisationUnits units;
    private final Profiles profiles;
    private final TransactionTemplate lookup;
    private final TransactionTemplate outcome;
    private volatile String decoyHash;

    Users(UserRows rows, PasswordHashing hashing, Clock clock, OrganisationUnits units, Profiles profiles,
            PlatformTransactionManager transactionManager) {
        this.lookup = new TransactionTemplate(transactionManager);
        this.lookup.setReadOnly(true);
        this.outcome = new TransactionTemplate(transactionManager);
        this.rows = rows;
        this.hashing = hashing;
        this.clock = clock;
        this.units = units;
        this.profiles = profiles;
    }

    public User create(NewUser user) {
        EmailAddress email = EmailAddress.parse("email", user.email());
        String name = Text.required("name", user.name(), 200);
        if (user.role() == null) {
            throw new DomainException(ErrorCode.REQUIRED, "role", "A role is required.");
        }
        UUID unit = null;
        UUID profile = null;
        if (user.role() == UserRole.OU_ADMIN) {
            if (user.organisationUnitId() == null) {
                throw new DomainException(ErrorCode.REQUIRED, "organisationUnitId", "An OU admin administers one organisation unit.");
            }
            unit = units.find(user.organisationUnitId())
                    .orElseThrow(() -> DomainException.notFound("organisationUnitId", "organisation unit", user.organisationUnitId())).id();
        }
        if (user.role() == UserRole.DRIVER) {
            if (user.profileId() == null) {
                throw new DomainException(ErrorCode.REQUIRED, "profileId", "A driver signs in as one profile.");
            }
            profile = profiles.find(user.profileId())
                    .orElseThrow(() -> DomainException.notFound("profileId", "profile", user.profileId())).id();
        }
        String hash = user.password() == null ? null : hashing.hash(PasswordPolicy.check("password", user.password(), email.value()));
        UUID id = UUID.randomUUID();
        try {
            return rows.insert(id, email, name, user.role(), unit, profile, hash);
        } catch (DuplicateKeyException duplicate) {
            String message = String.valueOf(duplicate.getMessage());
            if (message.contains("app_user_profile_key")) {
                throw new DomainException(ErrorCode.DUPLICATE, "profileId", "This profile already has a sign-in.");
            }
            throw new DomainException(ErrorCode.DUPLICATE, "email", "Another user already has this e-mail address.");
        }
    }

    @Transactional(readOnly = true)
    public Optional<User> find(UUID id) {
        return rows.find(id);
    }

    /** The driver who charges as this profile, if one has an account. */
    @Transactional(readOnly = true)
    public Optional<User> findByProfile(UUID profileId) {
        return profileId == null ? Optional.empty() : rows.findByProfile(profileId);
    }

    @Transactional(readOnly = true)
    public Optional<User> findByEmail(String email) {
        return rows.credentials(email).map(UserRows.Credentials::user);
    }

    /** Users in e-mail order after the given address, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<User> page(String afterEmail, int limit) {
        return rows.page(afterEmail, limit);
    }

    public void setPassword(UUID id, String password) {
        User user = rows.find(id).orElseThrow(() -> DomainException.notFound("id", "user", id));
        rows.setPassword(id, hashing.hash(PasswordPolicy.check("password", password, user.email())));
    }

    public void recordAcceptedTerms(UUID id, String version) {
        rows.recordAcceptedTerms(id, version, clock.instant());
    }

    public void markEmailVerified(UUID id) {
        rows.markEmailVerified(id, clock.instant());
    }

    public User setStatus(UUID id, UserStatus status) {
        rows.find(id).orElseThrow(() -> DomainException.notFound("id", "user", id));
        return rows.setStatus(id, status);
    }

    /**
     * Signs the user out everywhere: their authorizations and refresh tokens end, and access tokens already issued
     * are refused from now on, as after a password change or disabling the account.
     */
    public void signOutEverywhere(UUID id) {
        rows.find(id).orElseThrow(() -> DomainException.notFound("id", "user", id));
        rows.newTokenEpoch(id);
    }

    /**
     * Removes the person from an account (see {@link AccountErasure}): it keeps its id, so what names it still
     * resolves, and frees the person's e-mail address.
     */
    public User erase(UUID id) {
        rows.find(id).orElseThrow(() -> DomainException.notFound("id", "user", id));
        return rows.erase(id, Profiles.erasedEmail(id), Profiles.ERASED_NAME);
    }

    /** The user's token epoch, which their access tokens carry; empty for an unknown user. */
    @Transactional(readOnly = true)
    public Optional<Integer> tokenEpoch(UUID id) {
        return rows.tokenEpoch(id);
    }

    /**
     * Checks an e-mail and password. A wrong password counts towards the lock; a right one resets the count. Nothing
     * else changes, whatever the outcome. The password hash is checked outside any transaction: a burst of sign-ins
     * must not hold the pool's connections while each costs an adaptive hash (the decoy for unknown addresses too).
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public LoginResult authenticate(String email, String password) {
        Instant now = clock.instant();
        Optional<UserRows.Credentials> found = email == null ? Optional.empty() : lookup.execute(status -> rows.credentials(email.strip()));
        if (found.isEmpty()) {
            hashing.matches(password == null ? "" : password, decoy());
            return new LoginResult.BadCredentials();
        }
        UserRows.Credentials credentials = found.get();
        if (LoginThrottle.isLocked(credentials.lockedUntil(), now)) {
            // as slow as a password check, so a lock cannot be told from a wrong password by the time it takes
            hashing.matches(password == null ? "" : password, decoy());
            return new LoginResult.Locked(credentials.lockedUntil());
        }
        boolean matches = credentials.passwordHash() != null && password != null
                && hashing.matches(password, credentials.passwordHash());
        UUID id = credentials.user().id();
        if (!matches) {
            outcome.executeWithoutResult(status -> rows.recordFailure(id, LoginThrottle.lockAfter(credentials.failedLogins(), now)));
            return new LoginResult.BadCredentials();
        }
        if (credentials.user().status() == UserStatus.DISABLED) {
            return new LoginResult.Disabled();
        }
        if (!credentials.user().emailVerified()) {
            return new LoginResult.Unverified();
        }
        if (credentials.failedLogins() > 0 || credentials.lockedUntil() != null) {
            outcome.executeWithoutResult(status -> rows.clearFailures(id));
        }
        return new LoginResult.Success(credentials.user());
    }

    private String decoy() {
        if (decoyHash == null) {
            decoyHash = hashing.hash(UUID.randomUUID().toString());
        }
        return decoyHash;
    }
}
