package io.chargebase.api.throttle;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The key a client address is counted under. An IPv6 client usually holds a whole /64, so its addresses count as
 * one; anything that is not an IP literal counts under a single shared key rather than one per spelling.
 */
public final class AddressKey {

    private static final Pattern IPV4 = Pattern.compile("(OCTET\\.){3}OCTET".replace("OCTET", "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"));
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*(%[0-9A-Za-z]{1,16})?");

    private AddressKey() {
    }

    /**
     * The address, when the text is an IPv4 or IPv6 literal (without brackets or port); never a name lookup, since
     * only literals are handed to the parser.
     */
    public static Optional<InetAddress> literal(String text) {
        if (text == null || text.length() > 64 || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException notALiteral) {
            return Optional.empty();
        }
    }

    public static String of(String address) {
        Optional<InetAddress> found = literal(address);
        if (found.isEmpty()) {
            return "unknown";
        }
        InetAddress parsed = found.get();
        if (parsed instanceof Inet6Address) {
            byte[] bytes = parsed.getAddress();
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        }
        return parsed.getHostAddress();
    }
}
