package io.chargebase.domain.receipts.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.receipts.CompanyDetails;
import io.chargebase.tenancy.TenantContext;

/** The current tenant's company details row. */
@Repository
public class CompanyDetailsRows {

    private final JdbcClient jdbc;

    CompanyDetailsRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CompanyDetails> find() {
        return jdbc.sql("""
                        select legal_name, street, postal_code, city, country, vat_number, registration_number, email, phone, website
                        from company_details""")
                .query((rs, n) -> new CompanyDetails(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)))
                .optional();
    }

    public void save(CompanyDetails d) {
        jdbc.sql("""
                        insert into company_details (tenant_id, legal_name, street, postal_code, city, country, vat_number, registration_number,
                            email, phone, website) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id) do update set legal_name = excluded.legal_name, street = excluded.street,
                            postal_code = excluded.postal_code, city = excluded.city, country = excluded.country, vat_number = excluded.vat_number,
                            registration_number = excluded.registration_number, email = excluded.email, phone = excluded.phone,
                            website = excluded.website, updated_at = now()""")
                .params(TenantContext.requireTenant().value(), d.legalName(), d.street(), d.postalCode(), d.city(), d.country(), d.vatNumber(),
                        d.registrationNumber(), d.email(), d.phone(), d.website())
                .update();
    }
}
