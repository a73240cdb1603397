package io.chargebase.domain.organisation;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.Page;
import io.chargebase.domain.Text;
import io.chargebase.domain.organisation.internal.ProfileRows;

/** The profiles of the tenant acted for. E-mail addresses are unique per tenant, without regard to case. */
@Service
@Transactional
public class Profiles {

    static final int MAX_NAME = 200;
    static final int MAX_EXTERNAL_REFERENCE = 100;
    static final int MAX_PAGE = 100;

    private final ProfileRows rows;
    private final OrganisationUnits units;

    Profiles(ProfileRows rows, OrganisationUnits units) {
        this.rows = rows;
        this.units = units;
    }

    @Transactional(readOnly = true)
    public Optional<Profile> find(UUID id) {
        return rows.find(id);
    }

    @Transactional(readOnly = true)
    public Map<UUID, Profile> findAll(Collection<UUID> ids) {
        return rows.findAll(ids);
    }

    @Transactional(readOnly = true)
    public Page<Profile> search(ProfileQuery query) {
        if (query.limit() < 1 || query.limit() > MAX_PAGE) {
            throw new DomainException(ErrorCode.INVALID, "first", "A page holds 1 to " + MAX_PAGE + " profiles.");
        }
        OuPath subtree = query.subtreeOf() == null ? null : units.find(query.subtreeOf())
                .orElseThrow(() -> DomainException.notFound("organisationUnitId", "organisation unit", query.subtreeOf()))
                .path();
        String text = Text.optional("text", query.text(), 200);
        return rows.search(subtree, text, query.status(), query.after(), query.limit());
    }

    public Profile create(NewProfile profile) {
        UUID ou = existingUnit("organisationUnitId", profile.organisationUnitId());
        String name = Text.required("name", profile.name(), MAX_NAME);
        EmailAddress email = EmailAddress.parse("email", profile.email());
        PhoneNumber phone = blank(profile.phone()) ? null : PhoneNumber.parse("phone", profile.phone());
        String reference = Text.optional("externalReference", profile.externalReference(), MAX_EXTERNAL_REFERENCE);
        return unique(() -> rows.insert(UUID.randomUUID(), ou, name, email, phone, reference));
    }

    public Profile update(UUID id, ProfileChanges changes) {
        Profile current = existing(id);
        UUID ou = changes.organisationUnitId() == null ? current.organisationUnitId()
                : existingUnit("organisationUnitId", changes.organisationUnitId());
        String name = changes.name() == null ? current.name() : Text.required("name", changes.name(), MAX_NAME);
        EmailAddress email = changes.email() == null ? current.email() : EmailAddress.parse("email", changes.email());
        PhoneNumber phone = changes.phone() == null ? current.phone()
                : blank(changes.phone()) ? null : PhoneNumber.parse("phone", changes.phone());
        String reference = changes.externalReference() == null ? current.externalReference()
                : Text.optional("externalReference", changes.externalReference(), MAX_EXTERNAL_REFERENCE);
        return unique(() -> rows.update(id, ou, name, email, phone, reference));
    }

    public Profile deactivate(UUID id) {
        existing(id);
        return rows.setStatus(id, ProfileStatus.INACTIVE);
    }

    public Profile reactivate(UUID id) {
        existing(id);
        return rows.setStatus(id, ProfileStatus.ACTIVE);
    }

    /** The name an erased profile keeps: the records that name the profile still show something. */
    public static final String ERASED_NAME = "Erased driver";

    /**
     * Removes the person from a profile while the profile stays, for the sessions and CDRs that name it: the name,
     * e-mail address, phone number and external reference are replaced or dropped, and the profile is inactive. The
     * e-mail address becomes one that reaches nobody and is unique to the profile, so the person's own address is
     * free to sign up again.
     */
    public Profile erase(UUID id) {
        Profile profile = existing(id);
        rows.update(id, profile.organisationUnitId(), ERASED_NAME, erasedEmail(id), null, null);
        return rows.setStatus(id, ProfileStatus.INACTIVE);
    }

    /** The address an erased profile or account is given in place of the person's (the .invalid domain reaches nobody). */
    public static EmailAddress erasedEmail(UUID id) {
        return new EmailAddress("erased-" + id + "@erased.invalid");
    }

    private Profile existing(UUID id) {
        if (id == null) {
            throw new DomainException(ErrorCode.REQUIRED, "id", "A profile is required.");
        }
        return rows.find(id).orElseThrow(() -> DomainException.notFound("id", "profile", id));
    }

    private UUID existingUnit(String field, UUID id) {
        if (id == null) {
            throw new DomainException(ErrorCode.REQUIRED, field, "An organisation unit is required.");
        }
        return units.find(id).orElseThrow(() -> DomainException.notFound(field, "organisation unit", id)).id();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Profile unique(java.util.function.Supplier<Profile> write) {
        try {
            return write.get();
        } catch (DuplicateKeyException duplicate) {
            String message = duplicate.getMessage() == null ? "" : duplicate.getMessage();
            if (message.contains("profile_external_reference_key")) {
                throw new DomainException(ErrorCode.DUPLICATE, "externalReference",
                        "Another profile already has this external reference.");
            }
            throw new DomainException(ErrorCode.DUPLICATE, "email", "Another profile already has this e-mail address.");
        }
    }
}
