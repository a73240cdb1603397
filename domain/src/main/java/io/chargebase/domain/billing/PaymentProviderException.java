package io.chargebase.domain.billing;

/** The payment provider refused a call or could not be reached; {@code retryable} when trying again may succeed. */
public class PaymentProviderException extends RuntimeException {

    private final boolean retryable;

    public PaymentProviderException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
