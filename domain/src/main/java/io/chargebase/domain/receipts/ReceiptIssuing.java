package io.chargebase.domain.receipts;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.domain.charging.SessionCorrected;
import io.chargebase.domain.charging.SessionRated;
import io.chargebase.domain.receipts.internal.ReceiptRows;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;

/**
 * When receipts are issued: a rated session's at once for tenants that issue per session (after the rating commits,
 * like {@code SessionBilling}), and on a schedule last month's for the tenants that issue monthly plus the credit
 * notes of refunds posted since. Each is safe to run again; a failure is logged and leaves charging untouched.
 */
@Component
class ReceiptIssuing {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptIssuing.class);
    private static final int CREDIT_NOTE_BATCH = 100;

    private final Receipts receipts;
    private final ReceiptRows rows;
    private final Clock clock;
    private final TransactionTemplate separately;

    ReceiptIssuing(Receipts receipts, ReceiptRows rows, Clock clock, PlatformTransactionManager transactionManager) {
        this.receipts = receipts;
        this.rows = rows;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactionManager);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SessionRated rated) {
        try {
            TenantContext.runAs(TenantScope.of(rated.tenantId()), () -> separately.executeWithoutResult(status -> {
                if (receipts.settings().mode() == ReceiptMode.PER_SESSION) {
                    receipts.issueForSession(rated.sessionId(), rated.mspCdrId());
                }
            }));
        } catch (RuntimeException failed) {
            LOG.error("No receipt for session {} of tenant {} yet (the monthly job or a retry issues it)", rated.sessionId(), rated.tenantId(), failed);
        }
    }

    /** A session rated again: its receipt, if it has one, is corrected by a document for the difference. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(SessionCorrected corrected) {
        try {
            TenantContext.runAs(TenantScope.of(corrected.tenantId()), () -> separately.executeWithoutResult(status ->
                    receipts.correctSession(corrected.sessionId(), corrected.mspCdrId())));
        } catch (RuntimeException failed) {
            LOG.error("The receipt of corrected session {} of tenant {} is not corrected", corrected.sessionId(), corrected.tenantId(), failed);
        }
    }

    @Scheduled(fixedDelayString = "${chargebase.receipts.issue-interval:PT1H}", initialDelayString = "${chargebase.receipts.issue-initial-delay:PT2M}")
    void issueDue() {
        java.time.Instant now = clock.instant();
        java.util.List<UUID> monthly = TenantContext.callAs(TenantScope.PLATFORM, () -> separately.execute(status -> rows.monthlyTenants()));
        for (UUID tenant : monthly) {
            try {
                TenantContext.runAs(TenantScope.of(new TenantId(tenant)), () -> receipts.issueLastMonth(now));
            } catch (RuntimeException e) {
                LOG.warn("Monthly receipts of tenant {} failed (the next run tries again)", tenant, e);
            }
        }
        // every tenant with refunds: the refunds themselves are found under each tenant's own scope
        for (UUID tenant : TenantContext.callAs(TenantScope.PLATFORM, () -> separately.execute(status -> rows.tenantsWithRefunds()))) {
            try {
                TenantContext.runAs(TenantScope.of(new TenantId(tenant)), () -> receipts.issueCreditNotes(CREDIT_NOTE_BATCH));
            } catch (RuntimeException e) {
                LOG.warn("Credit notes of tenant {} failed (the next run tries again)", tenant, e);
            }
        }
    }
}
