package io.chargebase.domain.billing;

import java.time.Instant;

/**
 * The tenant's account at the payment provider and its status as last reported: whether it may take charges and
 * receive payouts, whether onboarding was completed, and why it is disabled, if it is. {@code statusAt} is the
 * provider's time of that report (empty until the first).
 */
public record ConnectedAccount(String accountId, boolean chargesEnabled, boolean payoutsEnabled, boolean detailsSubmitted,
        String disabledReason, Instant statusAt) {
}
