package io.chargebase.api.graphql;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import io.chargebase.domain.DomainException;
import io.chargebase.tenancy.TenantRejection;

/** A refusal the caller can act on, as mutation payloads carry it. */
public record UserError(String code, List<String> field, String message) {

    /**
     * Runs a mutation; a refusal (domain rule, tenant rule, unknown id) becomes the payload's user errors instead of
     * a GraphQL error, and the transaction it happened in has already rolled back.
     */
    public static <P> P attempt(Supplier<P> mutation, Function<List<UserError>, P> refused) {
        try {
            return mutation.get();
        } catch (DomainException e) {
            return refused.apply(List.of(new UserError(e.code().name(), path(e.field()), e.getMessage())));
        } catch (TenantRejection e) {
            return refused.apply(List.of(new UserError(tenantCode(e), path(e.field()), e.getMessage())));
        } catch (GlobalId.UnknownIdException e) {
            return refused.apply(List.of(new UserError("NOT_FOUND", path(e.field()), e.getMessage())));
        }
    }

    private static String tenantCode(TenantRejection e) {
        return switch (e.reason()) {
            case DUPLICATE -> "DUPLICATE";
            case NOT_FOUND -> "NOT_FOUND";
            case INVALID -> switch (e.field()) {
                case "slug" -> "INVALID_SLUG";
                case "currency" -> "INVALID_CURRENCY";
                case "timeZone" -> "INVALID_TIME_ZONE";
                default -> "INVALID";
            };
        };
    }

    /** {@code evses.0.maxPowerKw} → {@code ["input", "evses", "0", "maxPowerKw"]}. */
    private static List<String> path(String field) {
        if (field == null) {
            return null;
        }
        List<String> path = new java.util.ArrayList<>();
        path.add("input");
        path.addAll(List.of(field.split("\\.")));
        return path;
    }
}
