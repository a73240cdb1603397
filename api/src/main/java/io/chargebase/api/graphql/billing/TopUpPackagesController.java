package io.chargebase.api.graphql.billing;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.PlainField;
import io.chargebase.api.graphql.UserError;
import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.billing.AutoTopUp;
import io.chargebase.domain.billing.AutoTopUps;
import io.chargebase.domain.billing.TopUpPackage;
import io.chargebase.domain.billing.TopUpPackages;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * Top-up packages for the tenant's admins (create, edit, delete, order), the enabled ones for drivers, and a driver's
 * own auto top-up setting. Bad input is a user error and changes nothing.
 */
@Controller
class TopUpPackagesController {

    record CreateTopUpPackageInput(BigDecimal price, BigDecimal bonus, String currency, Boolean enabled) {
    }

    record UpdateTopUpPackageInput(String packageId, BigDecimal price, BigDecimal bonus, String currency, Boolean enabled) {
    }

    record DeleteTopUpPackageInput(String packageId) {
    }

    record ReorderTopUpPackagesInput(List<String> packageIds) {
    }

    record SetMyAutoTopUpInput(Boolean enabled, String packageId, BigDecimal threshold, String currency) {
    }

    record TopUpPackagePayload(TopUpPackage topUpPackage, List<UserError> userErrors) {
    }

    record DeleteTopUpPackagePayload(Integer autoTopUpsTurnedOff, List<UserError> userErrors) {
    }

    record TopUpPackagesPayload(List<TopUpPackage> topUpPackages, List<UserError> userErrors) {
    }

    record SetMyAutoTopUpPayload(AutoTopUp autoTopUp, List<UserError> userErrors) {
    }

    private final TopUpPackages packages;
    private final AutoTopUps autoTopUps;

    TopUpPackagesController(TopUpPackages packages, AutoTopUps autoTopUps) {
        this.packages = packages;
        this.autoTopUps = autoTopUps;
    }

    @QueryMapping
    List<TopUpPackage> topUpPackages() {
        return packages.list(false);
    }

    @QueryMapping
    List<TopUpPackage> availableTopUpPackages() {
        return packages.list(true);
    }

    @QueryMapping
    AutoTopUp myAutoTopUp() {
        return ownProfile() == null ? null : autoTopUps.of(ownProfile()).orElse(null);
    }

    @MutationMapping
    TopUpPackagePayload createTopUpPackage(@Argument CreateTopUpPackageInput input) {
        return UserError.attempt(() -> new TopUpPackagePayload(packages.create(input.price(), input.bonus(), input.currency(),
                Boolean.TRUE.equals(input.enabled())), List.of()), errors -> new TopUpPackagePayload(null, errors));
    }

    @MutationMapping
    TopUpPackagePayload updateTopUpPackage(@Argument UpdateTopUpPackageInput input) {
        return UserError.attempt(() -> new TopUpPackagePayload(packages.update(id(input.packageId()), input.price(), input.bonus(),
                input.currency(), input.enabled()), List.of()), errors -> new TopUpPackagePayload(null, errors));
    }

    @MutationMapping
    DeleteTopUpPackagePayload deleteTopUpPackage(@Argument DeleteTopUpPackageInput input) {
        return UserError.attempt(() -> new DeleteTopUpPackagePayload(packages.delete(id(input.packageId())), List.of()),
                errors -> new DeleteTopUpPackagePayload(null, errors));
    }

    @MutationMapping
    TopUpPackagesPayload reorderTopUpPackages(@Argument ReorderTopUpPackagesInput input) {
        return UserError.attempt(() -> new TopUpPackagesPayload(packages.reorder(input.packageIds().stream().map(TopUpPackagesController::id)
                .toList()), List.of()), errors -> new TopUpPackagesPayload(null, errors));
    }

    @MutationMapping
    SetMyAutoTopUpPayload setMyAutoTopUp(@Argument SetMyAutoTopUpInput input) {
        return UserError.attempt(() -> {
            UUID profileId = ownProfile();
            if (profileId == null) {
                throw new DomainException(ErrorCode.REQUIRED, "enabled", "Only a driver with a profile sets up auto top-up.");
            }
            return new SetMyAutoTopUpPayload(autoTopUps.set(profileId, Boolean.TRUE.equals(input.enabled()),
                    input.packageId() == null ? null : id(input.packageId()), input.threshold(), input.currency()), List.of());
        }, errors -> new SetMyAutoTopUpPayload(null, errors));
    }

    @SchemaMapping(typeName = "TopUpPackage", field = "packageId")
    @PlainField
    String packageId(TopUpPackage version) {
        return version.id().toString();
    }

    @SchemaMapping(typeName = "TopUpPackage", field = "price")
    @PlainField
    BigDecimal price(TopUpPackage version) {
        return version.price().amount();
    }

    @SchemaMapping(typeName = "TopUpPackage", field = "bonus")
    @PlainField
    BigDecimal bonus(TopUpPackage version) {
        return version.bonus().amount();
    }

    @SchemaMapping(typeName = "TopUpPackage", field = "credit")
    @PlainField
    BigDecimal credit(TopUpPackage version) {
        return version.credit().amount();
    }

    @SchemaMapping(typeName = "TopUpPackage", field = "currency")
    @PlainField
    String currency(TopUpPackage version) {
        return version.price().currency().getCurrencyCode();
    }

    @SchemaMapping(typeName = "AutoTopUp", field = "package")
    TopUpPackage chosen(AutoTopUp setting) {
        return packages.find(setting.packageId()).filter(version -> !version.deleted()).orElse(null);
    }

    @SchemaMapping(typeName = "AutoTopUp", field = "threshold")
    @PlainField
    BigDecimal threshold(AutoTopUp setting) {
        return setting.threshold().amount();
    }

    @SchemaMapping(typeName = "AutoTopUp", field = "currency")
    @PlainField
    String currency(AutoTopUp setting) {
        return setting.threshold().currency().getCurrencyCode();
    }

    private static UUID ownProfile() {
        return TenantContext.narrowing() instanceof TenantScope.Narrowing.OwnProfile(UUID profileId) ? profileId : null;
    }

    static UUID id(String raw) {
        try {
            return UUID.fromString(raw == null ? "" : raw.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.NOT_FOUND, "packageId", "No such top-up package is offered.");
        }
    }
}
