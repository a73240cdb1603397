package io.chargebase.api.http;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The host names the platform itself answers on ({@code chargebase.http.platform-hosts}, e.g. the API's and the
 * console's). A tenant's white-label host may never be one of them: on its own host a tenant is the issuer at the
 * root and the owner of {@code /graphql}, which on the platform's host belong to the platform.
 */
@Component
public class PlatformHosts {

    private final Set<String> hosts;

    @Autowired
    PlatformHosts(Environment environment) {
        this(Binder.get(environment).bind("chargebase.http.platform-hosts", Bindable.listOf(String.class)).orElse(List.of()));
    }

    public PlatformHosts(List<String> hosts) {
        this.hosts = hosts.stream().map(PlatformHosts::normalised).filter(host -> !host.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the host (any case, with or without a port) is one of the platform's own. */
    public boolean contains(String host) {
        return host != null && hosts.contains(normalised(host));
    }

    private static String normalised(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        if (colon > 0 && name.indexOf(':') == colon) {
            name = name.substring(0, colon);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
