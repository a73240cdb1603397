package io.chargebase.api.graphql.receipts;

import java.util.List;
import java.util.UUID;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.Connection;
import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.PlainField;
import io.chargebase.api.graphql.Types;
import io.chargebase.api.graphql.UserError;
import io.chargebase.api.receipts.ReceiptLinks;
import io.chargebase.domain.receipts.CompanyDetails;
import io.chargebase.domain.receipts.Receipt;
import io.chargebase.domain.receipts.ReceiptLine;
import io.chargebase.domain.receipts.ReceiptSettings;
import io.chargebase.domain.receipts.Receipts;
import io.chargebase.domain.receipts.TenantCompany;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * Receipts for the signed-in driver (always their own profile: row-level security narrows a driver to it, and the
 * query names it besides) and for staff (an OU admin's narrowed to their subtree the same way); company details and
 * receipt settings for the tenant's admins. Lines come with their receipts, in one statement per page.
 */
@Controller
class ReceiptsController {

    record UpdateCompanyDetailsPayload(CompanyDetails companyDetails, List<UserError> userErrors) {
    }

    record UpdateReceiptSettingsInput(io.chargebase.domain.receipts.ReceiptMode mode) {
    }

    record UpdateReceiptSettingsPayload(ReceiptSettings receiptSettings, List<UserError> userErrors) {
    }

    private final Receipts receipts;
    private final TenantCompany company;
    private final ReceiptLinks links;

    ReceiptsController(Receipts receipts, TenantCompany company, ReceiptLinks links) {
        this.receipts = receipts;
        this.company = company;
        this.links = links;
    }

    @QueryMapping
    Connection<Receipt> myReceipts(@Argument Integer first, @Argument String after) {
        if (!(TenantContext.narrowing() instanceof TenantScope.Narrowing.OwnProfile(UUID profileId))) {
            return Connection.of(List.of(), false, false, null, receipt -> receipt.id().toString());
        }
        return page(profileId, first, after);
    }

    @QueryMapping
    Connection<Receipt> receipts(@Argument Integer first, @Argument String after, @Argument String profileId) {
        return page(GlobalId.optional(Types.PROFILE, profileId, "profileId"), first, after);
    }

    private Connection<Receipt> page(UUID profileId, Integer first, String after) {
        int size = Connection.pageSize(first);
        List<Receipt> rows = receipts.list(profileId, Connection.afterId(after), size + 1);
        boolean more = rows.size() > size;
        return Connection.of(more ? rows.subList(0, size) : rows, more, after != null, null, receipt -> receipt.id().toString());
    }

    @QueryMapping
    CompanyDetails companyDetails() {
        return company.details().orElse(null);
    }

    @QueryMapping
    ReceiptSettings receiptSettings() {
        return receipts.settings();
    }

    @MutationMapping
    UpdateCompanyDetailsPayload updateCompanyDetails(@Argument CompanyDetails input) {
        return UserError.attempt(() -> new UpdateCompanyDetailsPayload(company.update(input), List.of()),
                errors -> new UpdateCompanyDetailsPayload(null, errors));
    }

    @MutationMapping
    UpdateReceiptSettingsPayload updateReceiptSettings(@Argument UpdateReceiptSettingsInput input) {
        return UserError.attempt(() -> new UpdateReceiptSettingsPayload(receipts.updateSettings(new ReceiptSettings(input.mode())), List.of()),
                errors -> new UpdateReceiptSettingsPayload(null, errors));
    }

    @SchemaMapping(typeName = "Receipt", field = "receiptId")
    @PlainField
    String receiptId(Receipt receipt) {
        return receipt.id().toString();
    }

    @SchemaMapping(typeName = "Receipt", field = "number")
    @PlainField
    String number(Receipt receipt) {
        return receipt.numberText();
    }

    @SchemaMapping(typeName = "Receipt", field = "periodFrom")
    @PlainField
    String periodFrom(Receipt receipt) {
        return receipt.periodFrom() == null ? null : receipt.periodFrom().toString();
    }

    @SchemaMapping(typeName = "Receipt", field = "periodUntil")
    @PlainField
    String periodUntil(Receipt receipt) {
        return receipt.periodUntil() == null ? null : receipt.periodUntil().toString();
    }

    @SchemaMapping(typeName = "Receipt", field = "currency")
    @PlainField
    String currency(Receipt receipt) {
        return receipt.currency().getCurrencyCode();
    }

    @SchemaMapping(typeName = "Receipt", field = "profileId")
    @PlainField
    String profileId(Receipt receipt) {
        return GlobalId.encode(Types.PROFILE, receipt.profileId());
    }

    @SchemaMapping(typeName = "Receipt", field = "creditedReceiptId")
    @PlainField
    String creditedReceiptId(Receipt receipt) {
        return receipt.creditedReceiptId() == null ? null : receipt.creditedReceiptId().toString();
    }

    @SchemaMapping(typeName = "Receipt", field = "pdfUrl")
    String pdfUrl(Receipt receipt) {
        return links.pathOf(TenantContext.requireTenant(), receipt.id());
    }

    @SchemaMapping(typeName = "ReceiptLine", field = "sessionId")
    @PlainField
    String sessionId(ReceiptLine line) {
        return line.sessionId() == null ? null : GlobalId.encode(Types.CHARGING_SESSION, line.sessionId());
    }

    @SchemaMapping(typeName = "ReceiptVatLine", field = "vatPercent")
    @PlainField
    java.math.BigDecimal vatPercent(Receipt.VatLine line) {
        return line.percent();
    }
}
