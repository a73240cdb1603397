package io.chargebase.api.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.web.util.HtmlUtils;

import io.chargebase.domain.identity.Mail;
import io.chargebase.tenancy.Branding;
import io.chargebase.tenancy.Tenant;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A message as the tenant's drivers and staff receive it: from the tenant's brand name (at the platform's sender
 * address unless the tenant has its own), replies going to the tenant's support address, the text as written plus an
 * HTML part in the tenant's colours, with its logo and its support and legal links.
 */
final class BrandedMessage {

    private static final String DEFAULT_COLOUR = "#1f2937";

    private BrandedMessage() {
    }

    static void fill(MimeMessage message, Mail mail, Tenant tenant, String fromAddress) throws MessagingException {
        Branding branding = tenant.branding() == null ? Branding.NONE : tenant.branding();
        String brand = branding.displayName() != null ? branding.displayName() : tenant.name();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        try {
            helper.setFrom(fromAddress, brand);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        if (branding.supportEmail() != null) {
            helper.setReplyTo(branding.supportEmail());
        }
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(plain(mail.text(), brand, branding), html(mail.text(), brand, branding));
        // mail a program sends: no auto-replies, no vacation notices
        message.setHeader("Auto-Submitted", "auto-generated");
    }

    private static String plain(String text, String brand, Branding branding) {
        StringBuilder out = new StringBuilder(text).append("\n\n-- \n").append(brand);
        contact(branding).forEach(line -> out.append('\n').append(line));
        return out.toString();
    }

    private static String html(String text, String brand, Branding branding) {
        String colour = branding.primaryColor() != null ? branding.primaryColor() : DEFAULT_COLOUR;
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html><body style=\"margin:0;font-family:sans-serif\">")
                .append("<div style=\"background:").append(colour).append(";color:#ffffff;padding:16px\">");
        if (branding.logoUrl() != null) {
            out.append("<img src=\"").append(escape(branding.logoUrl())).append("\" alt=\"").append(escape(brand))
                    .append("\" style=\"max-height:40px\">");
        } else {
            out.append("<strong>").append(escape(brand)).append("</strong>");
        }
        out.append("</div><div style=\"padding:16px\">")
                .append(escape(text).replace("\n", "<br>"))
                .append("</div><div style=\"padding:16px;color:#6b7280;font-size:12px\">").append(escape(brand));
        contact(branding).forEach(line -> out.append("<br>").append(escape(line)));
        if (branding.termsUrl() != null) {
            out.append("<br><a href=\"").append(escape(branding.termsUrl())).append("\">Terms</a>");
        }
        if (branding.privacyUrl() != null) {
            out.append(" <a href=\"").append(escape(branding.privacyUrl())).append("\">Privacy</a>");
        }
        return out.append("</div></body></html>").toString();
    }

    private static java.util.List<String> contact(Branding branding) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        if (branding.supportEmail() != null) {
            lines.add("Support: " + branding.supportEmail());
        }
        if (branding.supportPhone() != null) {
            lines.add("Phone: " + branding.supportPhone());
        }
        return lines;
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }
}
