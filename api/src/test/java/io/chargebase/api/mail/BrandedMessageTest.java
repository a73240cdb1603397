package io.chargebase.api.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Currency;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.chargebase.domain.identity.Mail;
import io.chargebase.tenancy.Branding;
import io.chargebase.tenancy.Tenant;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantStatus;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

class BrandedMessageTest {

    @Test
    void aBrandNameAndATextWithMarkupStayTextInTheHtmlPart() throws Exception {
        Tenant tenant = new Tenant(new TenantId(java.util.UUID.randomUUID()), "acme", "Acme", TenantStatus.ACTIVE, null,
                Currency.getInstance("EUR"), ZoneId.of("Europe/Amsterdam"),
                new Branding("<b>Acme</b>", null, null, null, null, null, null, null), Instant.now(), Instant.now());
        MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties()));

        BrandedMessage.fill(message, new Mail("driver@example.com", "Hi", "<script>alert(1)</script>"), tenant, "no-reply@chargebase.example");
        message.saveChanges();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        MimeMessage parsed = new MimeMessage(Session.getInstance(new java.util.Properties()), new java.io.ByteArrayInputStream(raw.toByteArray()));

        assertThat(((InternetAddress) parsed.getFrom()[0]).getPersonal()).isEqualTo("<b>Acme</b>");
        assertThat(html(parsed)).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>")
                .contains("&lt;b&gt;Acme&lt;/b&gt;").doesNotContain("<b>");
        assertThat(parsed.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    }

    private static String html(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = html(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
