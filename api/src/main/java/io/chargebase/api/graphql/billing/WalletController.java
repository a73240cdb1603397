package io.chargebase.api.graphql.billing;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

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
import io.chargebase.domain.billing.Vouchers;
import io.chargebase.domain.billing.Wallets;
import io.chargebase.domain.money.Money;
import io.chargebase.domain.organisation.Profiles;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * Wallets: the driver's own (read in their scope, so row-level security narrows the ledger to their transactions),
 * a driver's for the tenant's staff (an OU admin's reaches only their subtree's profiles), redeeming a voucher, and
 * the operator's top-up. Bad input (an amount not above zero, another currency, no reason, a voucher that is
 * unknown, expired or redeemed) is a user error and changes nothing.
 */
@Controller
class WalletController {

    /** GraphQL's Wallet: whose it is; its balance and entries are read when asked for. */
    record WalletView(UUID profileId) {
    }

    record RedeemVoucherInput(String code) {
    }

    record RedeemVoucherPayload(WalletView wallet, List<UserError> userErrors) {
    }

    record AddToUserBalanceInput(String profileId, BigDecimal amount, String currency, String reason) {
    }

    record AddToUserBalancePayload(Voucher voucher, WalletView wallet, List<UserError> userErrors) {
    }

    private final Wallets wallets;
    private final Vouchers vouchers;
    private final Profiles profiles;

    WalletController(Wallets wallets, Vouchers vouchers, Profiles profiles) {
        this.wallets = wallets;
        this.vouchers = vouchers;
        this.profiles = profiles;
    }

    @QueryMapping
    WalletView myWallet() {
        return ownProfile().map(WalletView::new).orElse(null);
    }

    @QueryMapping
    WalletView walletOf(@Argument String profileId) {
        UUID id = GlobalId.decode(profileId).filter(global -> Types.PROFILE.equals(global.type())).map(GlobalId::id).orElse(null);
        return id == null || profiles.find(id).isEmpty() ? null : new WalletView(id);
    }

    @MutationMapping
    RedeemVoucherPayload redeemVoucher(@Argument RedeemVoucherInput input) {
        return UserError.attempt(() -> {
            UUID profileId = ownProfile().orElseThrow(() -> new DomainException(ErrorCode.REQUIRED, "code",
                    "Only a driver with a profile redeems vouchers."));
            vouchers.redeem(profileId, input.code());
            return new RedeemVoucherPayload(new WalletView(profileId), List.of());
        }, errors -> new RedeemVoucherPayload(null, errors));
    }

    @MutationMapping
    AddToUserBalancePayload addToUserBalance(@Argument AddToUserBalanceInput input) {
        return UserError.attempt(() -> {
            UUID profileId = GlobalId.require(Types.PROFILE, input.profileId(), "profileId");
            Voucher voucher = vouchers.topUpByOperator(profileId, input.amount(), input.currency(), input.reason(), Caller.name());
            return new AddToUserBalancePayload(voucher, new WalletView(profileId), List.of());
        }, errors -> new AddToUserBalancePayload(null, null, errors));
    }

    @SchemaMapping(typeName = "Wallet", field = "balance")
    LedgerBalance balance(WalletView wallet) {
        Money balance = wallets.balance(wallet.profileId());
        return new LedgerBalance(balance.amount(), balance.currency().getCurrencyCode());
    }

    @SchemaMapping(typeName = "Wallet", field = "entries")
    List<Wallets.WalletEntry> entries(WalletView wallet, @Argument Integer first) {
        return wallets.history(wallet.profileId(), Connection.pageSize(first));
    }

    @SchemaMapping(typeName = "WalletEntry", field = "transactionId")
    @PlainField
    String transactionId(Wallets.WalletEntry entry) {
        return entry.transactionId().toString();
    }

    @SchemaMapping(typeName = "WalletEntry", field = "credit")
    @PlainField
    BigDecimal credit(Wallets.WalletEntry entry) {
        return entry.amount().amount().signum() > 0 ? entry.amount().amount() : null;
    }

    @SchemaMapping(typeName = "WalletEntry", field = "debit")
    @PlainField
    BigDecimal debit(Wallets.WalletEntry entry) {
        return entry.amount().amount().signum() < 0 ? entry.amount().amount().negate() : null;
    }

    @SchemaMapping(typeName = "WalletEntry", field = "balanceAfter")
    @PlainField
    BigDecimal balanceAfter(Wallets.WalletEntry entry) {
        return entry.balanceAfter().amount();
    }

    @SchemaMapping(typeName = "WalletEntry", field = "currency")
    @PlainField
    String currency(Wallets.WalletEntry entry) {
        return entry.amount().currency().getCurrencyCode();
    }

    @SchemaMapping(typeName = "WalletEntry", field = "sessionId")
    @PlainField
    String sessionId(Wallets.WalletEntry entry) {
        return entry.sessionId() == null ? null : GlobalId.encode(Types.CHARGING_SESSION, entry.sessionId());
    }

    private static java.util.Optional<UUID> ownProfile() {
        return TenantContext.narrowing() instanceof TenantScope.Narrowing.OwnProfile(UUID profileId)
                ? java.util.Optional.of(profileId) : java.util.Optional.empty();
    }
}
