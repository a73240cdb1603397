package io.chargebase.api.graphql.billing;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.Types;
import io.chargebase.api.graphql.UserError;
import io.chargebase.domain.billing.ApplicationFee;
import io.chargebase.domain.billing.ApplicationFees;
import io.chargebase.tenancy.TenantId;

/** The platform operator's say over its own fee on a tenant's payments. */
@Controller
class ApplicationFeeController {

    record SetApplicationFeeInput(String tenantId, BigDecimal percent, BigDecimal fixedAmount) {
    }

    record SetApplicationFeePayload(ApplicationFee applicationFee, List<UserError> userErrors) {
    }

    private final ApplicationFees fees;

    ApplicationFeeController(ApplicationFees fees) {
        this.fees = fees;
    }

    @MutationMapping
    SetApplicationFeePayload setApplicationFee(@Argument SetApplicationFeeInput input) {
        return UserError.attempt(() -> new SetApplicationFeePayload(fees.set(new TenantId(GlobalId.require(Types.TENANT, input.tenantId(), "tenantId")),
                new ApplicationFee(input.percent(), input.fixedAmount())), List.of()), errors -> new SetApplicationFeePayload(null, errors));
    }
}
