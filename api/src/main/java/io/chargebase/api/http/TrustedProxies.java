package io.chargebase.api.http;

import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

import io.chargebase.api.database.DatabaseTarget;

/**
 * The peers whose forwarding headers are believed: addresses or CIDR ranges from
 * {@code chargebase.http.trusted-proxies}. When the setting is absent, none outside local mode, and the loopback
 * addresses in local mode (a developer's proxy on the same machine).
 */
@Component
public class TrustedProxies {

    static final List<String> LOCAL_DEFAULT = List.of("127.0.0.0/8", "::1/128");

    private final List<IpAddressMatcher> matchers;
    private final List<String> ranges;

    @Autowired
    TrustedProxies(Environment environment, DatabaseTarget database) {
        this(Binder.get(environment).bind("chargebase.http.trusted-proxies", Bindable.listOf(String.class))
                .orElse(database.local() ? LOCAL_DEFAULT : List.of()));
    }

    public TrustedProxies(List<String> ranges) {
        this.ranges = ranges.stream().map(String::strip).filter(range -> !range.isEmpty()).toList();
        this.matchers = this.ranges.stream().map(TrustedProxies::matcher).toList();
    }

    private static IpAddressMatcher matcher(String range) {
        try {
            return new IpAddressMatcher(range);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("chargebase.http.trusted-proxies: '" + range
                    + "' is not an IP address or CIDR range such as 10.0.0.0/8", e);
        }
    }

    /** Whether the peer at this address (the socket's, never a header's) is one of the trusted proxies. */
    public boolean isTrusted(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return false;
        }
        try {
            return matchers.stream().anyMatch(matcher -> matcher.matches(remoteAddress));
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    public List<String> ranges() {
        return ranges;
    }
}
