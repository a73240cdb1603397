package io.chargebase.tenancy;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * How a tenant presents itself to its drivers. Every field is optional; {@code displayName} falls back to the
 * tenant's name. Colours are {@code #rrggbb}; links are https. {@code termsVersion} names the terms at {@code termsUrl}
 * that drivers accept when they sign up; a tenant with a version requires its acceptance.
 */
public record Branding(
        String displayName,
        String logoUrl,
        String primaryColor,
        String accentColor,
        String supportEmail,
        String supportPhone,
        String termsUrl,
        String privacyUrl,
        String termsVersion) {

    public static final Branding NONE = new Branding(null, null, null, null, null, null, null, null, null);

    /** A branding without a terms version: sign-up asks for no acceptance. */
    public Branding(String displayName, String logoUrl, String primaryColor, String accentColor, String supportEmail,
            String supportPhone, String termsUrl, String privacyUrl) {
        this(displayName, logoUrl, primaryColor, accentColor, supportEmail, supportPhone, termsUrl, privacyUrl, null);
    }
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{6,25}");

    /** The same branding with every field checked and blanks dropped, or a rejection naming the field. */
    public Branding validated() {
        String version = text("termsVersion", termsVersion, 50);
        if (version != null && blankToNull(termsUrl) == null) {
            throw invalid("termsUrl", "terms with a version need the link where drivers read them");
        }
        return new Branding(
                text("displayName", displayName, 100),
                https("logoUrl", logoUrl),
                colour("primaryColor", primaryColor),
                colour("accentColor", accentColor),
                matching("supportEmail", supportEmail, EMAIL, "an e-mail address"),
                matching("supportPhone", supportPhone, PHONE, "a phone number"),
                https("termsUrl", termsUrl),
                https("privacyUrl", privacyUrl),
                version);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String text(String field, String value, int max) {
        String v = blankToNull(value);
        if (v != null && v.length() > max) {
            throw invalid(field, "at most " + max + " characters");
        }
        return v;
    }

    private static String colour(String field, String value) {
        String v = blankToNull(value);
        if (v != null && !COLOUR.matcher(v).matches()) {
            throw invalid(field, "a colour is written #rrggbb, like #0b7a5b");
        }
        return v == null ? null : v.toLowerCase(java.util.Locale.ROOT);
    }

    private static String matching(String field, String value, Pattern pattern, String what) {
        String v = blankToNull(value);
        if (v != null && (v.length() > 254 || !pattern.matcher(v).matches())) {
            throw invalid(field, "'" + v + "' is not " + what);
        }
        return v;
    }

    private static String https(String field, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            URI uri = new URI(v);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || v.length() > 500) {
                throw invalid(field, "a link is an https URL");
            }
        } catch (java.net.URISyntaxException e) {
            throw invalid(field, "a link is an https URL");
        }
        return v;
    }

    private static TenantRejection invalid(String field, String message) {
        return new TenantRejection(TenantRejection.Reason.INVALID, field, message.substring(0, 1).toUpperCase() + message.substring(1) + ".");
    }
}
