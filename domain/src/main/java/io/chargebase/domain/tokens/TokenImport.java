package io.chargebase.domain.tokens;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.Text;
import io.chargebase.domain.csv.CsvTable;
import io.chargebase.domain.csv.RowError;
import io.chargebase.domain.tokens.internal.TokenRows;
import io.chargebase.tenancy.TenantContext;

/**
 * Imports tokens from CSV: columns {@code uid, type} and optionally {@code ema_id, owner_email, visual_number,
 * expires_at, billing}. The owner is the profile with that e-mail address. Checked whole before anything is
 * written; one bad row keeps the file out unless the caller asks for the good rows only.
 */
@Service
@Transactional
public class TokenImport {

    public static final int MAX_ROWS = 100_000;
    static final List<String> REQUIRED = List.of("uid", "type");
    static final List<String> OPTIONAL = List.of("ema_id", "owner_email", "visual_number", "expires_at", "billing");

    public record Result(int imported, List<RowError> errors) {
    }

    private final TokenRows rows;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    TokenImport(TokenRows rows, Clock clock, ApplicationEventPublisher events) {
        this.rows = rows;
        this.clock = clock;
        this.events = events;
    }

    public Result run(CsvTable table, boolean allOrNothing, String importedBy) {
        table.requireHeader(REQUIRED, OPTIONAL);
        if (table.size() > MAX_ROWS) {
            throw new DomainException(ErrorCode.INVALID, "csv", "At most " + MAX_ROWS + " rows at a time; split the file.");
        }
        List<String> uids = new ArrayList<>();
        List<String> emaIds = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            TokenUid.fromIdTag(strip(table.get(i, "uid"))).ifPresent(uid -> uids.add(uid.value()));
            if (table.get(i, "ema_id") != null) {
                emaIds.add(table.get(i, "ema_id").replace("-", "").toUpperCase(Locale.ROOT));
            }
            if (table.get(i, "owner_email") != null) {
                owners.add(table.get(i, "owner_email").toLowerCase(Locale.ROOT));
            }
        }
        Set<String> takenUids = new HashSet<>(rows.existingUids(uids));
        Set<String> takenEmaIds = new HashSet<>(rows.existingEmaIds(emaIds));
        Map<String, UUID> ownerIds = rows.profileIdsByEmail(owners);
        Instant now = clock.instant();

        List<RowError> errors = new ArrayList<>();
        List<TokenRows.NewRow> valid = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            int row = CsvTable.rowNumber(i);
            int before = errors.size();
            TokenUid uid = parse(errors, row, "uid", table.get(i, "uid"), raw -> TokenUid.parse("uid", strip(raw)));
            TokenType type = parse(errors, row, "type", table.get(i, "type"), raw -> enumValue(TokenType.class, "type", raw));
            EmaId emaId = table.get(i, "ema_id") == null ? null : parse(errors, row, "ema_id", table.get(i, "ema_id"), raw -> EmaId.parse("emaId", raw));
            UUID owner = null;
            if (table.get(i, "owner_email") != null) {
                owner = ownerIds.get(table.get(i, "owner_email").toLowerCase(Locale.ROOT));
                if (owner == null) {
                    errors.add(new RowError(row, "owner_email", "No profile has the address " + table.get(i, "owner_email") + "."));
                }
            }
            String visual = parse(errors, row, "visual_number", table.get(i, "visual_number"), raw -> Text.optional("visualNumber", raw, 64));
            Instant expiresAt = table.get(i, "expires_at") == null ? null
                    : parse(errors, row, "expires_at", table.get(i, "expires_at"), raw -> future(raw, now));
            BillingTarget billing = table.get(i, "billing") == null ? BillingTarget.OWN_PAYMENT_METHOD
                    : parse(errors, row, "billing", table.get(i, "billing"), raw -> enumValue(BillingTarget.class, "billing", raw));
            if (billing == BillingTarget.CORPORATE_ACCOUNT && owner == null && table.get(i, "owner_email") == null) {
                errors.add(new RowError(row, "owner_email", "A token billed to a corporate account needs an owner."));
            }
            if (uid != null && !takenUids.add(uid.value())) {
                errors.add(new RowError(row, "uid", "The UID " + uid + " is taken, or appears earlier in the file."));
            }
            if (emaId != null && !takenEmaIds.add(emaId.compact())) {
                errors.add(new RowError(row, "ema_id", "The EMA-ID " + emaId + " is taken, or appears earlier in the file."));
            }
            if (errors.size() == before) {
                valid.add(new TokenRows.NewRow(UUID.randomUUID(), uid, emaId, type, expiresAt, owner, visual, billing));
            }
        }
        if (!errors.isEmpty() && allOrNothing) {
            return new Result(0, errors);
        }
        try {
            rows.insertAll(valid, importedBy);
        } catch (DuplicateKeyException outsideScope) {
            throw new DomainException(ErrorCode.DUPLICATE, "csv",
                    "Some UIDs or EMA-IDs already belong to tokens outside your units; nothing was imported.");
        }
        valid.forEach(token -> events.publishEvent(new TokenChanged(TenantContext.requireTenant(), token.uid())));
        rows.notifyChanged(valid.stream().map(TokenRows.NewRow::uid).toList());
        return new Result(valid.size(), errors);
    }

    private static String strip(String raw) {
        return raw == null ? null : raw.replaceAll("[\\s:-]", "");
    }

    private static Instant future(String raw, Instant now) {
        try {
            Instant instant = OffsetDateTime.parse(raw).toInstant();
            if (!instant.isAfter(now)) {
                throw new DomainException(ErrorCode.INVALID, "expires_at", "The expiry must lie in the future.");
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw new DomainException(ErrorCode.INVALID, "expires_at", "'" + raw + "' is not a date-time like 2027-12-31T23:59:59Z.");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String raw) {
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException unknown) {
            throw new DomainException(ErrorCode.INVALID, field, "'" + raw + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()) + ".");
        }
    }

    private static <T> T parse(List<RowError> errors, int row, String column, String raw, java.util.function.Function<String, T> parser) {
        if (raw == null && REQUIRED.contains(column)) {
            errors.add(new RowError(row, column, "A value is required."));
            return null;
        }
        try {
            return raw == null ? parser.apply(null) : parser.apply(raw);
        } catch (DomainException invalid) {
            errors.add(new RowError(row, column, invalid.getMessage()));
            return null;
        }
    }
}
