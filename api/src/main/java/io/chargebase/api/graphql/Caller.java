package io.chargebase.api.graphql;

import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling, as logs and audit columns record it: the token's subject (a user id or a client id). */
public final class Caller {

    private Caller() {
    }

    public static String name() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }
}
