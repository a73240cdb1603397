package io.chargebase.api.graphql;

import java.util.Map;
import java.util.Optional;

import static java.util.Map.entry;

import io.chargebase.api.security.Role;

/**
 * The one table of who may call which operation. Every root field of the schema must appear here: a field that
 * is missing is refused to everyone, and {@code OperationPolicyTest} fails the build until it is classified.
 */
public final class OperationPolicy {

    private static final Access TENANT_READERS = Access.roles(Role.TENANT_ADMIN, Role.OU_ADMIN, Role.ANALYST);
    private static final Access TENANT_WRITERS = Access.roles(Role.TENANT_ADMIN, Role.OU_ADMIN);
    private static final Access TENANT_ADMINS = Access.roles(Role.TENANT_ADMIN);
    /**
     * The manual's partner roles give "Charge Points: View & Remote Control" (Partner Roles): an OU admin operates the
     * charge points of their subtree (ChargerCommandLog narrows them to it) with the actions of daily operation. What
     * changes how a charge point is set up (configuration, firmware, local lists, charging profiles, vendor data)
     * stays with the tenant's admins, as partner contracts are the main account's business. An OU admin's remote start
     * and reservation take only their subtree's tokens, and their diagnostics go only to the tenant's approved
     * diagnostics locations (Tokens, DiagnosticsLocations); FieldPolicy narrows what they read of the logs.
     */
    private static final Access CHARGE_POINT_OPERATORS = Access.roles(Role.TENANT_ADMIN, Role.OU_ADMIN);
    private static final Access PLATFORM = Access.roles(Role.PLATFORM_ADMIN);

    private static final Map<String, Access> POLICY = Map.ofEntries(
            entry("Query.node", Access.signedIn()),
            entry("Query.nodes", Access.signedIn()),
            entry("Query.me", Access.signedIn()),
            entry("Query.currentTenant", Access.roles(Role.TENANT_ADMIN, Role.OU_ADMIN, Role.ANALYST, Role.DRIVER)),
            entry("Query.tenants", PLATFORM),
            entry("Mutation.createTenant", PLATFORM),
            entry("Mutation.suspendTenant", PLATFORM),
            entry("Mutation.reactivateTenant", PLATFORM),
            entry("Mutation.addTenantDomain", PLATFORM),
            entry("Mutation.removeTenantDomain", PLATFORM),
            entry("Mutation.rotateSigningKey", PLATFORM),
            entry("Query.organisationTree", TENANT_READERS),
            entry("Query.organisationUnits", TENANT_READERS),
            entry("Query.profiles", TENANT_READERS),
            entry("Mutation.createOrganisationUnit", TENANT_WRITERS),
            entry("Mutation.renameOrganisationUnit", TENANT_WRITERS),
            entry("Mutation.moveOrganisationUnit", TENANT_WRITERS),
            entry("Mutation.deleteOrganisationUnit", TENANT_WRITERS),
            entry("Mutation.createProfile", TENANT_WRITERS),
            entry("Mutation.updateProfile", TENANT_WRITERS),
            entry("Mutation.deactivateProfile", TENANT_WRITERS),
            entry("Mutation.reactivateProfile", TENANT_WRITERS),
            entry("Query.users", TENANT_ADMINS),
            entry("Mutation.createUser", TENANT_ADMINS),
            entry("Mutation.disableUser", TENANT_ADMINS),
            entry("Mutation.signOutUserEverywhere", TENANT_ADMINS),
            entry("Mutation.signOutEverywhere", Access.roles(Role.TENANT_ADMIN, Role.OU_ADMIN, Role.ANALYST, Role.DRIVER)),
            entry("Mutation.enableUser", TENANT_ADMINS),
            entry("Query.clients", TENANT_ADMINS),
            entry("Mutation.registerClient", TENANT_ADMINS),
            entry("Mutation.removeClient", TENANT_ADMINS),
            entry("Query.myProfile", Access.roles(Role.DRIVER)),
            entry("Query.myOutstandingBalance", Access.roles(Role.DRIVER)),
            entry("Query.connectedAccount", Access.roles(Role.TENANT_ADMIN, Role.ANALYST)),
            entry("Query.myPaymentMethods", Access.roles(Role.DRIVER)),
            entry("Mutation.addPaymentMethod", Access.roles(Role.DRIVER)),
            entry("Mutation.removePaymentMethod", Access.roles(Role.DRIVER)),
            entry("Mutation.setDefaultPaymentMethod", Access.roles(Role.DRIVER)),
            entry("Mutation.startConnectedAccountOnboarding", TENANT_ADMINS),
            entry("Query.billingSettings", Access.roles(Role.TENANT_ADMIN, Role.ANALYST)),
            entry("Mutation.updateBillingSettings", TENANT_ADMINS),
            entry("Query.vatRates", Access.roles(Role.TENANT_ADMIN, Role.ANALYST)),
            entry("Query.vatSettings", Access.roles(Role.TENANT_ADMIN, Role.ANALYST)),
            entry("Mutation.createVatRate", TENANT_ADMINS),
            entry("Mutation.updateVatRate", TENANT_ADMINS),
            entry("Mutation.deleteVatRate", TENANT_ADMINS),
            entry("Mutation.updateVatSettings", TENANT_ADMINS),
            entry("Query.myReceipts", Access.roles(Role.DRIVER)),
            entry("Query.receipts", TENANT_READERS),
            entry("Query.companyDetails", Access.roles(Role.TENANT_ADMIN, Role.ANALYST)),
            entry("Query.receiptSettings", Access.roles(Role.TENANT_ADMIN, Role.ANALYST)),
            entry("Mutation.updateCompanyDetails", TENANT_ADMINS),
            entry("Mutation.updateReceiptSettings", TENANT_ADMINS),
            entry("Mutation.refundPayment", TENANT_ADMINS),
            entry("Query.paymentTransactions", TENANT_READERS),
            entry("Mutation.updateMyProfile", Access.roles(Role.DRIVER)),
            entry("Query.myDataExport", Access.roles(Role.DRIVER)),
            entry("Mutation.deleteMyAccount", Access.roles(Role.DRIVER)),
            entry("Mutation.updateBranding", TENANT_ADMINS),
            entry("Query.branding", Access.anyone()),
            entry("Mutation.signUpDriver", Access.anyone()),
            entry("Mutation.verifyEmail", Access.anyone()),
            entry("Mutation.requestPasswordReset", Access.anyone()),
            entry("Mutation.resetPassword", Access.anyone()),
            entry("Query.tokens", TENANT_READERS),
            entry("Mutation.createToken", TENANT_WRITERS),
            entry("Mutation.blockToken", TENANT_WRITERS),
            entry("Mutation.unblockToken", TENANT_WRITERS),
            entry("Query.locations", TENANT_READERS),
            entry("Query.findChargers", Access.roles(Role.DRIVER)),
            entry("Mutation.setLocationAccess", TENANT_ADMINS),
            entry("Mutation.setChargePointAccess", TENANT_ADMINS),
            entry("Mutation.setChargingZoneDisabled", TENANT_ADMINS),
            entry("Query.chargePoints", TENANT_READERS),
            entry("Mutation.createLocation", TENANT_ADMINS),
            entry("Mutation.registerChargePoint", TENANT_ADMINS),
            entry("Mutation.setChargePointStatus", TENANT_ADMINS),
            entry("Mutation.renewChargerSecret", TENANT_ADMINS),
            entry("Mutation.setChargerSecret", TENANT_ADMINS),
            entry("Query.pendingChargePoints", TENANT_ADMINS),
            entry("Mutation.acceptPendingChargePoint", TENANT_ADMINS),
            entry("Mutation.dismissPendingChargePoint", TENANT_ADMINS),
            entry("Query.locationGroups", TENANT_READERS),
            entry("Mutation.createLocationGroup", TENANT_ADMINS),
            entry("Mutation.deleteLocationGroup", TENANT_ADMINS),
            entry("Query.businessPartnerGroups", TENANT_READERS),
            entry("Query.userGroups", TENANT_READERS),
            entry("Mutation.createBusinessPartnerGroup", TENANT_ADMINS),
            entry("Mutation.deleteBusinessPartnerGroup", TENANT_ADMINS),
            entry("Mutation.createUserGroup", TENANT_ADMINS),
            entry("Mutation.setUserGroupMembers", TENANT_ADMINS),
            entry("Mutation.deleteUserGroup", TENANT_ADMINS),
            entry("Query.search", TENANT_READERS),
            entry("Mutation.setLocationOwner", TENANT_ADMINS),
            entry("Subscription.sessionProgress", Access.roles(Role.TENANT_ADMIN, Role.OU_ADMIN, Role.ANALYST, Role.DRIVER)),
            entry("Subscription.chargePointStatus", TENANT_READERS),
            entry("Mutation.startSession", CHARGE_POINT_OPERATORS),
            entry("Mutation.stopSession", CHARGE_POINT_OPERATORS),
            entry("Mutation.startMySession", Access.roles(Role.DRIVER)),
            entry("Mutation.stopMySession", Access.roles(Role.DRIVER)),
            entry("Query.authorizations", TENANT_READERS),
            entry("Query.reservations", TENANT_READERS),
            entry("Mutation.setEvseReservationTime", TENANT_ADMINS),
            entry("Mutation.remoteStartTransaction", CHARGE_POINT_OPERATORS),
            entry("Mutation.remoteStopTransaction", CHARGE_POINT_OPERATORS),
            entry("Mutation.reset", CHARGE_POINT_OPERATORS),
            entry("Mutation.unlockConnector", CHARGE_POINT_OPERATORS),
            entry("Mutation.changeAvailability", CHARGE_POINT_OPERATORS),
            entry("Mutation.changeConfiguration", TENANT_ADMINS),
            entry("Mutation.getConfiguration", CHARGE_POINT_OPERATORS),
            entry("Mutation.clearCache", CHARGE_POINT_OPERATORS),
            entry("Mutation.triggerMessage", CHARGE_POINT_OPERATORS),
            entry("Mutation.reserveNow", CHARGE_POINT_OPERATORS),
            entry("Mutation.cancelReservation", CHARGE_POINT_OPERATORS),
            entry("Mutation.sendLocalList", TENANT_ADMINS),
            entry("Mutation.getLocalListVersion", CHARGE_POINT_OPERATORS),
            entry("Mutation.setChargingProfile", TENANT_ADMINS),
            entry("Mutation.clearChargingProfile", TENANT_ADMINS),
            entry("Mutation.getCompositeSchedule", CHARGE_POINT_OPERATORS),
            entry("Mutation.getDiagnostics", CHARGE_POINT_OPERATORS),
            entry("Mutation.updateFirmware", TENANT_ADMINS),
            entry("Mutation.dataTransfer", TENANT_ADMINS),
            entry("Query.tariffs", TENANT_READERS),
            entry("Query.tariffGroups", TENANT_READERS),
            entry("Query.tariffPlans", TENANT_READERS),
            entry("Query.applicableTariff", TENANT_READERS),
            entry("Query.evsePrice", Access.roles(Role.DRIVER)),
            entry("Mutation.createTariff", TENANT_ADMINS),
            entry("Mutation.updateTariff", TENANT_ADMINS),
            entry("Mutation.deleteTariff", TENANT_ADMINS),
            entry("Mutation.createTariffGroup", TENANT_ADMINS),
            entry("Mutation.renameTariffGroup", TENANT_ADMINS),
            entry("Mutation.attachTariff", TENANT_ADMINS),
            entry("Mutation.detachTariff", TENANT_ADMINS),
            entry("Mutation.reorderTariffGroup", TENANT_ADMINS),
            entry("Mutation.deleteTariffGroup", TENANT_ADMINS),
            entry("Mutation.setEvseTariffGroup", TENANT_ADMINS),
            entry("Mutation.createTariffPlan", TENANT_ADMINS),
            entry("Mutation.updateTariffPlan", TENANT_ADMINS),
            entry("Mutation.activateTariffPlan", TENANT_ADMINS),
            entry("Mutation.deleteTariffPlan", TENANT_ADMINS),
            entry("Query.cpoCdrs", TENANT_READERS),
            entry("Query.mspCdrs", TENANT_READERS),
            entry("Query.myCdrs", Access.roles(Role.DRIVER)),
            entry("Mutation.recordCpoCdr", TENANT_ADMINS),
            entry("Mutation.rerateCdr", TENANT_ADMINS),
            entry("Mutation.importProfiles", TENANT_WRITERS),
            entry("Mutation.importTokens", TENANT_WRITERS),
            entry("Query.chargePointTemplates", TENANT_READERS),
            entry("Mutation.createChargePointTemplate", TENANT_ADMINS),
            entry("Mutation.setEvseStatus", TENANT_ADMINS),
            entry("Mutation.updateToken", TENANT_WRITERS),
            entry("Mutation.updateLocation", TENANT_ADMINS),
            entry("Mutation.createChargingZone", TENANT_ADMINS),
            entry("Mutation.placeChargePoint", TENANT_ADMINS),
            entry("Mutation.deleteChargePoint", TENANT_ADMINS),
            entry("Mutation.deleteLocation", TENANT_ADMINS),
            entry("Mutation.updateChargePoint", TENANT_ADMINS),
            entry("Query.chargingSessions", TENANT_READERS),
            entry("Query.mySessions", Access.roles(Role.DRIVER)),
            entry("Query.chargingSettings", TENANT_READERS),
            entry("Mutation.updateChargingSettings", TENANT_ADMINS));

    private OperationPolicy() {
    }

    /** The access rule of a root field such as {@code Mutation.createProfile}; empty when none was written. */
    public static Optional<Access> of(String coordinate) {
        return Optional.ofNullable(POLICY.get(coordinate));
    }

    public static Map<String, Access> all() {
        return POLICY;
    }
}
