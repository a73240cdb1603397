package io.chargebase.domain.receipts;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.receipts.internal.CompanyDetailsRows;

/** The tenant's company details, edited by its admins and copied into every receipt issued. */
@Service
@Transactional
public class TenantCompany {

    private final CompanyDetailsRows rows;

    TenantCompany(CompanyDetailsRows rows) {
        this.rows = rows;
    }

    /** The saved details; empty until the tenant entered them. */
    @Transactional(readOnly = true)
    public Optional<CompanyDetails> details() {
        return rows.find();
    }

    public CompanyDetails update(CompanyDetails details) {
        CompanyDetails valid = details.validated();
        rows.save(valid);
        return valid;
    }
}
