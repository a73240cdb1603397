package io.chargebase.domain.organisation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.Text;
import io.chargebase.domain.csv.CsvTable;
import io.chargebase.domain.csv.RowError;
import io.chargebase.domain.organisation.internal.ProfileRows;

/**
 * Imports profiles from CSV: columns {@code name, email} and optionally {@code phone, external_reference,
 * organisation_unit} (a path of unit names below the caller's top unit, e.g. {@code Fleet customers/Northwind};
 * empty means the top unit itself). Every row is checked before anything is written; by default one bad row keeps the
 * whole file out, and the report names each bad row and field.
 */
@Service
@Transactional
public class ProfileImport {

    public static final int MAX_ROWS = 100_000;
    static final List<String> REQUIRED = List.of("name", "email");
    static final List<String> OPTIONAL = List.of("phone", "external_reference", "organisation_unit");

    /** How many profiles were written, and what was wrong with the rows that were not. */
    public record Result(int imported, List<RowError> errors) {
    }

    private final ProfileRows rows;
    private final OrganisationUnits units;

    ProfileImport(ProfileRows rows, OrganisationUnits units) {
        this.rows = rows;
        this.units = units;
    }

    public Result run(CsvTable table, boolean allOrNothing) {
        table.requireHeader(REQUIRED, OPTIONAL);
        if (table.size() > MAX_ROWS) {
            throw new DomainException(ErrorCode.INVALID, "csv", "At most " + MAX_ROWS + " rows at a time; split the file.");
        }
        Map<String, UUID> unitsByPath = unitPaths();
        List<String> emails = new ArrayList<>();
        List<String> references = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            if (table.get(i, "email") != null) {
                emails.add(table.get(i, "email").toLowerCase(Locale.ROOT));
            }
            if (table.get(i, "external_reference") != null) {
                references.add(table.get(i, "external_reference"));
            }
        }
        Set<String> takenEmails = new HashSet<>(rows.existingEmails(emails));
        Set<String> takenReferences = new HashSet<>(rows.existingReferences(references));

        List<RowError> errors = new ArrayList<>();
        List<ProfileRows.NewRow> valid = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            int row = CsvTable.rowNumber(i);
            int before = errors.size();
            String name = field(errors, row, "name", () -> Text.required("name", table.get(row - 2, "name"), Profiles.MAX_NAME));
            EmailAddress email = field(errors, row, "email", () -> EmailAddress.parse("email", table.get(row - 2, "email")));
            PhoneNumber phone = table.get(i, "phone") == null ? null
                    : field(errors, row, "phone", () -> PhoneNumber.parse("phone", table.get(row - 2, "phone")));
            String reference = field(errors, row, "external_reference",
                    () -> Text.optional("externalReference", table.get(row - 2, "external_reference"), Profiles.MAX_EXTERNAL_REFERENCE));
            String unitPath = normalisedPath(table.get(i, "organisation_unit"));
            UUID unit = unitsByPath.get(unitPath);
            if (unit == null) {
                errors.add(new RowError(row, "organisation_unit", "No organisation unit '" + table.get(i, "organisation_unit") + "'."));
            }
            if (email != null && !takenEmails.add(email.normalised())) {
                errors.add(new RowError(row, "email", "The address " + email + " already has a profile, or appears earlier in the file."));
            }
            if (reference != null && !takenReferences.add(reference)) {
                errors.add(new RowError(row, "external_reference", "The reference " + reference + " is taken, or appears earlier in the file."));
            }
            if (errors.size() == before) {
                valid.add(new ProfileRows.NewRow(UUID.randomUUID(), unit, name, email.value(), phone == null ? null : phone.value(), reference));
            }
        }
        if (!errors.isEmpty() && allOrNothing) {
            return new Result(0, errors);
        }
        try {
            rows.insertAll(valid);
        } catch (org.springframework.dao.DuplicateKeyException outsideScope) {
            // an OU admin's file may name addresses of profiles outside their subtree, which the checks above cannot see
            throw new DomainException(ErrorCode.DUPLICATE, "csv",
                    "Some addresses or references already belong to profiles outside your units; nothing was imported.");
        }
        return new Result(valid.size(), errors);
    }

    /** Unit name paths below the caller's top unit, lower case: "" is the top unit, "fleet/north" a grandchild. */
    private Map<String, UUID> unitPaths() {
        OrganisationUnit top = units.root();
        List<OrganisationUnit> subtree = units.subtree(top.id());
        Map<UUID, OrganisationUnit> byId = new HashMap<>();
        subtree.forEach(unit -> byId.put(unit.id(), unit));
        Map<String, UUID> paths = new HashMap<>();
        for (OrganisationUnit unit : subtree) {
            List<String> names = new ArrayList<>();
            List<UUID> ids = unit.path().ids();
            for (int i = ids.indexOf(top.id()) + 1; i < ids.size(); i++) {
                names.add(byId.get(ids.get(i)).name());
            }
            paths.put(normalisedPath(String.join("/", names)), unit.id());
        }
        return paths;
    }

    private static String normalisedPath(String path) {
        if (path == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isBlank()) {
                parts.add(part.strip().toLowerCase(Locale.ROOT));
            }
        }
        return String.join("/", parts);
    }

    private static <T> T field(List<RowError> errors, int row, String column, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (DomainException invalid) {
            errors.add(new RowError(row, column, invalid.getMessage()));
            return null;
        }
    }
}
