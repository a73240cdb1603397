package io.chargebase.api.graphql.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.Caller;
import io.chargebase.api.graphql.Connection;
import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.PlainField;
import io.chargebase.api.graphql.Types;
import io.chargebase.api.graphql.UserError;
import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.billing.Voucher;
import io.chargebase.domain.billing.VoucherCodes;
import io.chargebase.domain.billing.Vouchers;

/**
 * The manual's Vouchers for the tenant's staff: bulk creation and the listing with its filters, which
 * {@code /graphql/csv} exports with the creator and the description as columns.
 */
@Controller
class VouchersController {

    record VoucherFilter(List<Voucher.Kind> kinds, Voucher.Status status, Instant createdFrom, Instant createdTo, Instant redeemedFrom,
            Instant redeemedTo, String redeemedBy) {
    }

    record CreateVouchersInput(Integer quantity, BigDecimal amount, String currency, String redeemBefore, String description) {
    }

    record CreateVouchersPayload(List<Voucher> vouchers, List<UserError> userErrors) {
    }

    private final Vouchers vouchers;
    private final java.time.Clock clock;

    VouchersController(Vouchers vouchers, java.time.Clock clock) {
        this.vouchers = vouchers;
        this.clock = clock;
    }

    @QueryMapping(name = "vouchers")
    Connection<Voucher> list(@Argument Integer first, @Argument String after, @Argument VoucherFilter filter) {
        VoucherFilter criteria = filter == null ? new VoucherFilter(null, null, null, null, null, null, null) : filter;
        Set<Voucher.Kind> kinds = criteria.kinds() == null || criteria.kinds().isEmpty() ? null : EnumSet.copyOf(criteria.kinds());
        Vouchers.Filter query = new Vouchers.Filter(kinds, criteria.status(), criteria.createdFrom(), criteria.createdTo(),
                criteria.redeemedFrom(), criteria.redeemedTo(), GlobalId.optional(Types.PROFILE, criteria.redeemedBy(), "redeemedBy"));
        return Connection.keyed(first, after, (position, limit) -> vouchers.list(query, position, limit), Vouchers::positionOf);
    }

    @MutationMapping
    CreateVouchersPayload createVouchers(@Argument CreateVouchersInput input) {
        return UserError.attempt(() -> new CreateVouchersPayload(vouchers.create(input.quantity() == null ? 0 : input.quantity(), input.amount(),
                        input.currency(), date(input.redeemBefore()), input.description(), Caller.name()), List.of()),
                errors -> new CreateVouchersPayload(null, errors));
    }

    @SchemaMapping(typeName = "Voucher", field = "voucherId")
    @PlainField
    String voucherId(Voucher voucher) {
        return voucher.id().toString();
    }

    @SchemaMapping(typeName = "Voucher", field = "code")
    @PlainField
    String code(Voucher voucher) {
        return VoucherCodes.display(voucher.code());
    }

    @SchemaMapping(typeName = "Voucher", field = "status")
    Voucher.Status status(Voucher voucher) {
        return voucher.status(clock.instant());
    }

    @SchemaMapping(typeName = "Voucher", field = "amount")
    @PlainField
    BigDecimal amount(Voucher voucher) {
        return voucher.amount().amount();
    }

    @SchemaMapping(typeName = "Voucher", field = "currency")
    @PlainField
    String currency(Voucher voucher) {
        return voucher.amount().currency().getCurrencyCode();
    }

    @SchemaMapping(typeName = "Voucher", field = "redeemBefore")
    @PlainField
    String redeemBefore(Voucher voucher) {
        return voucher.redeemBefore() == null ? null : voucher.redeemBefore().toString();
    }

    @SchemaMapping(typeName = "Voucher", field = "redeemedBy")
    @PlainField
    String redeemedBy(Voucher voucher) {
        return voucher.redeemedBy() == null ? null : GlobalId.encode(Types.PROFILE, voucher.redeemedBy());
    }

    private static LocalDate date(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException(ErrorCode.INVALID, "redeemBefore", "Give the date as YYYY-MM-DD, not " + raw.strip() + ".");
        }
    }
}
