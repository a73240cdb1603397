package io.chargebase.api.graphql.billing;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.UserError;
import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.billing.PaymentProviderException;
import io.chargebase.domain.billing.Refunds;

/**
 * Refunds by the tenant's admins. Bad input (no reason, an amount not above zero or above what is left, another
 * currency, a payment that is not this tenant's) is a user error and nothing is sent; the provider refusing or being
 * unreachable is a user error that says so.
 */
@Controller
class RefundsController {

    record RefundPaymentInput(String paymentId, BigDecimal amount, String currency, String reason) {
    }

    record RefundView(String refundRequestId, String paymentId, BigDecimal amount, String currency, String reason, String status, String refundId,
            String chargeId) {
    }

    record RefundPaymentPayload(RefundView refund, List<UserError> userErrors) {
    }

    private final Refunds refunds;

    RefundsController(Refunds refunds) {
        this.refunds = refunds;
    }

    @MutationMapping
    RefundPaymentPayload refundPayment(@Argument RefundPaymentInput input) {
        try {
            return UserError.attempt(() -> {
                Refunds.Refund refund = refunds.refund(paymentId(input.paymentId()), input.amount(), input.currency(), input.reason());
                return new RefundPaymentPayload(new RefundView(refund.id().toString(), refund.paymentTransactionId().toString(),
                        refund.amount().amount(), refund.amount().currency().getCurrencyCode(), refund.reason(), refund.status(),
                        refund.refundId(), refund.chargeId()), List.of());
            }, errors -> new RefundPaymentPayload(null, errors));
        } catch (PaymentProviderException e) {
            return new RefundPaymentPayload(null, List.of(e.retryable()
                    ? new UserError("PAYMENT_PROVIDER_UNAVAILABLE", null, "The payment provider could not be reached; ask again for the same refund in a moment.")
                    : new UserError("PAYMENT_PROVIDER_REFUSED", null, "The payment provider refused the refund.")));
        }
    }

    private static UUID paymentId(String raw) {
        try {
            return UUID.fromString(raw == null ? "" : raw.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.NOT_FOUND, "paymentId", "No such payment.");
        }
    }
}
