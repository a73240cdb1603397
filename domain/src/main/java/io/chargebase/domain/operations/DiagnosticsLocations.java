package io.chargebase.domain.operations;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.operations.internal.DiagnosticsLocationRows;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * The tenant's diagnostics upload locations: the servers its admins approved for diagnostics files. A diagnostics file
 * holds the charger's logs and configuration (idTags of everyone who charged there, its AuthorizationKey), so whoever
 * chooses the upload address reads them: anyone acting for the whole tenant may name any address, a narrowed caller (an
 * OU admin) only one of these or a path below one.
 */
@Service
@Transactional
public class DiagnosticsLocations {

    static final int MAX_LOCATIONS = 10;

    private final DiagnosticsLocationRows rows;

    DiagnosticsLocations(DiagnosticsLocationRows rows) {
        this.rows = rows;
    }

    @Transactional(readOnly = true)
    public List<String> list() {
        return rows.list();
    }

    /** The locations, checked and without repeats, or a refusal naming the first bad one; for checking before saving. */
    public static List<String> validated(String field, List<String> locations) {
        if (locations.size() > MAX_LOCATIONS) {
            throw new DomainException(ErrorCode.INVALID, field, "At most " + MAX_LOCATIONS + " diagnostics locations.");
        }
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < locations.size(); i++) {
            checked.add(FileLocations.validated(field + "." + i, locations.get(i) == null ? null : locations.get(i).strip()));
        }
        return List.copyOf(new LinkedHashSet<>(checked));
    }

    public List<String> replace(List<String> locations) {
        rows.replace(validated("diagnosticsLocations", locations));
        return rows.list();
    }

    /** The address a GetDiagnostics of the caller is sent to, or a refusal naming {@code field}. */
    @Transactional(readOnly = true)
    public String forRequest(String field, String requested) {
        String location = FileLocations.validated(field, requested);
        if (TenantContext.narrowing() instanceof TenantScope.Narrowing.Whole) {
            return location;
        }
        List<String> approved = rows.list();
        if (approved.isEmpty()) {
            throw new DomainException(ErrorCode.INVALID, field,
                    "The tenant has approved no diagnostics locations; ask a tenant admin to add one in the charging settings.");
        }
        return FileLocations.under(location, approved).orElseThrow(() -> new DomainException(ErrorCode.INVALID, field,
                "Diagnostics go to one of the tenant's diagnostics locations (or a path below one): "
                        + String.join(", ", approved.stream().map(FileLocations::withoutCredentials).toList()) + "."));
    }
}
