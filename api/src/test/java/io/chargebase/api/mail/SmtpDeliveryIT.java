package io.chargebase.api.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.identity.Mail;
import io.chargebase.domain.identity.Mailer;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.tenancy.Branding;
import io.chargebase.tenancy.NewTenant;
import io.chargebase.tenancy.Tenant;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The outbox delivered to a real SMTP server (GreenMail, in the test): a password-reset mail arrives from the
 * tenant's brand with its branding and a working code; a server that refuses connections, or accepts and never
 * answers, delays mail and loses none; a message whose code expired is never sent; two drainers at once send each
 * message once.
 */
class SmtpDeliveryIT extends IntegrationTest {

    private static final int SMTP_PORT = freePort();
    private static final String FROM = "no-reply@chargebase.example";
    private static final String OWN_SENDER_SLUG = "own-sender";
    private static final String OWN_SENDER = "hello@own-sender.example";
    private static final Pattern RESET_CODE = Pattern.compile("password-reset code: ([A-Za-z0-9_-]{32})\\s");

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("chargebase.mail.from", () -> FROM);
        registry.add("chargebase.mail.tenant-from." + OWN_SENDER_SLUG, () -> OWN_SENDER);
        registry.add("chargebase.mail.retry-backoff", () -> "100ms");
        // a server that accepts and never answers costs half a second, not the 20 s of production
        registry.add("spring.mail.properties[mail.smtp.timeout]", () -> "500");
        // the tests drain by hand; the scheduled pass would race them
        registry.add("chargebase.mail.poll-interval", () -> "1h");
    }

    @Autowired
    SmtpDelivery delivery;

    @Autowired
    Mailer mailer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = startedSmtp();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aPasswordResetMailArrivesFromTheTenantsBrandWithItsBrandingAndAWorkingCode() throws Exception {
        TestTenant tenant = aTenant();
        TenantContext.runAs(TenantScope.of(tenant.tenant().id()), () -> tenants.updateBranding(new Branding("Acme Charging",
                "https://acme.example/logo.png", "#0b7a5b", "#ffcc00", "support@acme.example", "+31 20 123 4567",
                "https://acme.example/terms", "https://acme.example/privacy")));
        var user = aUser(tenant, UserRole.TENANT_ADMIN, null, null);
        graphQlOf(tenant).document(null, "driver-app/RequestPasswordReset", Map.of("input", Map.of("email", user.email())))
                .payload("requestPasswordReset");

        assertThat(delivery.drain()).isGreaterThanOrEqualTo(1);

        MimeMessage received = only(user.email());
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo(FROM);
        assertThat(from.getPersonal()).isEqualTo("Acme Charging");
        assertThat(((InternetAddress) received.getReplyTo()[0]).getAddress()).isEqualTo("support@acme.example");
        assertThat(received.getSubject()).startsWith("Reset your password");
        String text = part(received, "text/plain");
        String html = part(received, "text/html");
        assertThat(text).contains("Support: support@acme.example");
        assertThat(html).contains("background:#0b7a5b").contains("https://acme.example/logo.png").contains("https://acme.example/privacy");
        Matcher code = RESET_CODE.matcher(text);
        assertThat(code.find()).as("the code is in the text: %s", text).isTrue();
        assertThat(html).contains(code.group(1));

        assertThat(inTenant(tenant.tenant(), () -> jdbc.sql("select count(*) from outbound_mail where delivered_at is not null and code_sealed is null")
                .query(Long.class).single())).as("delivered, its code dropped").isEqualTo(1);
        var reset = graphQlOf(tenant).document(null, "driver-app/ResetPassword",
                Map.of("input", Map.of("token", code.group(1), "newPassword", "a much better passphrase"))).payload("resetPassword");
        assertThat(reset.path("done").asBoolean()).as("the mailed code works: %s", reset).isTrue();
    }

    @Test
    void aTenantWithItsOwnSenderAddressSendsFromIt() throws Exception {
        Tenant tenant = tenants.create(new NewTenant(OWN_SENDER_SLUG, "Own Sender Energy", "EUR", "Europe/Amsterdam"));
        String recipient = "driver-" + UUID.randomUUID() + "@example.com";
        queue(tenant, recipient);

        assertThat(delivery.drain()).isGreaterThanOrEqualTo(1);

        InternetAddress from = (InternetAddress) only(recipient).getFrom()[0];
        assertThat(from.getAddress()).isEqualTo(OWN_SENDER);
        assertThat(from.getPersonal()).as("without a brand name, the tenant's name").isEqualTo("Own Sender Energy");
    }

    @Test
    void aServerThatRefusesConnectionsDelaysMailAndLosesNone() throws Exception {
        Tenant tenant = aTenant().tenant();
        String recipient = "patient-" + UUID.randomUUID() + "@example.com";
        queue(tenant, recipient);
        smtp.stop();

        assertThat(delivery.drain()).isZero();
        assertThat(delivery.drain()).as("nothing is due before the back-off has passed, or it failed again").isZero();
        List<Map<String, Object>> waiting = inTenant(tenant, () -> jdbc.sql(
                "select attempts, last_error, delivered_at, next_attempt_at > now() as later from outbound_mail where recipient = ?")
                .param(recipient).query().listOfRows());
        assertThat(waiting).hasSize(1);
        assertThat((Integer) waiting.getFirst().get("attempts")).isBetween(1, 2);
        assertThat((String) waiting.getFirst().get("last_error")).contains("Connect");
        assertThat(waiting.getFirst().get("delivered_at")).isNull();

        smtp = startedSmtp();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (recipients().stream().noneMatch(recipient::equals)) {
            assertThat(System.nanoTime()).as("delivered once the server is back").isLessThan(deadline);
            delivery.drain();
        }
        assertThat(only(recipient).getSubject()).isEqualTo("Hello");
        assertThat(inTenant(tenant, () -> jdbc.sql("select last_error is null and delivered_at is not null from outbound_mail where recipient = ?")
                .param(recipient).query(Boolean.class).single())).isTrue();
    }

    @Test
    void aServerThatAcceptsButNeverAnswersDelaysMailAndLosesNone() throws Exception {
        Tenant tenant = aTenant().tenant();
        String recipient = "slow-" + UUID.randomUUID() + "@example.com";
        queue(tenant, recipient);
        smtp.stop();
        List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket()) {
            silent.setReuseAddress(true);
            silent.bind(new java.net.InetSocketAddress("127.0.0.1", SMTP_PORT));
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // and never a greeting
                    }
                } catch (IOException closed) {
                    // the test is done with it
                }
            });

            assertThat(delivery.drain()).isZero();
        } finally {
            for (java.net.Socket socket : held) {
                socket.close();
            }
        }
        assertThat(inTenant(tenant, () -> jdbc.sql("select last_error from outbound_mail where recipient = ? and delivered_at is null and attempts = 1")
                .param(recipient).query(String.class).single())).containsIgnoringCase("timed out");

        smtp = startedSmtp();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (recipients().stream().noneMatch(recipient::equals)) {
            assertThat(System.nanoTime()).as("delivered once the server answers").isLessThan(deadline);
            delivery.drain();
        }
        assertThat(only(recipient).getSubject()).isEqualTo("Hello");
    }

    @Test
    void aMessageWhoseCodeExpiredIsNeverSent() throws Exception {
        Tenant tenant = aTenant().tenant();
        String recipient = "late-" + UUID.randomUUID() + "@example.com";
        inTenant(tenant, () -> {
            mailer.send(new Mail(recipient, "Your code", "Your code: " + Mail.CODE, "a-code-that-expired",
                    java.time.Instant.now().plusSeconds(3600)));
            return jdbc.sql("update outbound_mail set expires_at = now() - interval '1 second' where recipient = ?").param(recipient).update();
        });

        delivery.drain();

        assertThat(recipients()).doesNotContain(recipient);
        assertThat(inTenant(tenant, () -> jdbc.sql("select attempts from outbound_mail where recipient = ? and delivered_at is null")
                .param(recipient).query(Integer.class).single())).as("not even tried").isZero();
    }

    @Test
    void twoDrainersAtOnceSendEachMessageOnce() throws Exception {
        Tenant first = aTenant().tenant();
        Tenant second = aTenant().tenant();
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String recipient = "once-" + i + "-" + UUID.randomUUID() + "@example.com";
            recipients.add(recipient);
            queue(i % 2 == 0 ? first : second, recipient);
        }

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> drainers = new ArrayList<>();
        // a thread each: the common pool may have a single one on a small machine
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        for (int i = 0; i < 2; i++) {
            drainers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return delivery.drain();
            }, threads));
        }
        start.countDown();
        threads.shutdown();
        int sent = 0;
        for (CompletableFuture<Integer> drainer : drainers) {
            sent += drainer.get(60, TimeUnit.SECONDS);
        }

        List<String> arrived = recipients().stream().filter(recipients::contains).toList();
        assertThat(arrived).hasSize(24).doesNotHaveDuplicates();
        assertThat(sent).as("every message sent (and any other test's mail still due)").isGreaterThanOrEqualTo(24);
        System.out.printf("SmtpDeliveryIT: two drainers sent %d and %d of 24 messages%n", drainers.get(0).join(), drainers.get(1).join());
    }

    private void queue(Tenant tenant, String recipient) {
        inTenant(tenant, () -> {
            mailer.send(new Mail(recipient, "Hello", "A message for you."));
            return null;
        });
    }

    private List<String> recipients() throws Exception {
        List<String> all = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            for (var address : message.getRecipients(Message.RecipientType.TO)) {
                all.add(((InternetAddress) address).getAddress());
            }
        }
        return all;
    }

    private MimeMessage only(String recipient) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            for (var address : message.getRecipients(Message.RecipientType.TO)) {
                if (((InternetAddress) address).getAddress().equals(recipient)) {
                    found.add(message);
                }
            }
        }
        assertThat(found).as("messages to %s", recipient).hasSize(1);
        return found.getFirst();
    }

    /** The first part of the type, however deep in the multipart structure. */
    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = partOrNull(body, type);
                if (found != null) {
                    return found;
                }
            }
        }
        throw new AssertionError("No " + type + " part");
    }

    private static String partOrNull(Part part, String type) throws Exception {
        try {
            return part(part, type);
        } catch (AssertionError none) {
            return null;
        }
    }

    private <T> T inTenant(Tenant tenant, java.util.function.Supplier<T> work) {
        return TenantContext.callAs(TenantScope.of(tenant.id()), () -> new TransactionTemplate(transactionManager).execute(status -> work.get()));
    }

    /**
     * A mail server on the port the delivery is configured with. On a busy machine the port may for a moment be another
     * connection's (or in TIME_WAIT after the silent server's sockets): try again until it binds, for at most 10 s.
     */
    private static GreenMail startedSmtp() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            try {
                server.start();
                return server;
            } catch (IllegalStateException notBound) {
                server.stop();
                if (System.nanoTime() > deadline) {
                    throw notBound;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
