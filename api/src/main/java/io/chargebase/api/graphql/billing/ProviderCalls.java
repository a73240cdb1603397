package io.chargebase.api.graphql.billing;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import io.chargebase.api.graphql.UserError;
import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.billing.PaymentProviderException;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/** What the driver-facing payment mutations share: whose profile asks, and the payment provider's failures as user errors. */
final class ProviderCalls {

    private ProviderCalls() {
    }

    /** The signed-in driver's profile; a sign-in without one (staff) finds nothing to act on. */
    static UUID ownProfile() {
        if (!(TenantContext.narrowing() instanceof TenantScope.Narrowing.OwnProfile(UUID profileId))) {
            throw new DomainException(ErrorCode.NOT_FOUND, null, "This sign-in has no profile.");
        }
        return profileId;
    }

    /** {@link UserError#attempt}, and the payment provider refusing or unreachable as a user error too. */
    static <P> P attempt(Supplier<P> mutation, Function<List<UserError>, P> refused) {
        try {
            return UserError.attempt(mutation, refused);
        } catch (PaymentProviderException e) {
            return refused.apply(List.of(e.retryable()
                    ? new UserError("PAYMENT_PROVIDER_UNAVAILABLE", null, "The payment provider could not be reached; try again in a moment.")
                    : new UserError("PAYMENT_PROVIDER_REFUSED", null, "The payment provider refused the request.")));
        }
    }
}
