package io.chargebase.domain.assets;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.Text;
import io.chargebase.domain.assets.internal.TemplateRows;

/** Charger models a tenant registers often, with the EVSEs and connectors each one has. */
@Service
@Transactional
public class ChargePointTemplates {

    private final TemplateRows rows;

    ChargePointTemplates(TemplateRows rows) {
        this.rows = rows;
    }

    public ChargePointTemplate create(String name, String vendor, String model, List<NewChargePoint.NewEvse> evses) {
        String validName = Text.required("name", name, 100);
        if (evses == null || evses.isEmpty() || evses.size() > ChargePoints.MAX_EVSES) {
            throw new DomainException(ErrorCode.INVALID, "evses", "A template has 1 to " + ChargePoints.MAX_EVSES + " EVSEs.");
        }
        for (int i = 0; i < evses.size(); i++) {
            if (evses.get(i).evseId() != null) {
                throw new DomainException(ErrorCode.INVALID, "evses." + i + ".evseId", "EVSE IDs belong to chargers, not to templates.");
            }
            ChargePoints.validate(evses.get(i), "evses." + i, new HashSet<>());
        }
        try {
            return rows.insert(UUID.randomUUID(), validName, Text.optional("vendor", vendor, 50), Text.optional("model", model, 50), evses);
        } catch (DuplicateKeyException duplicate) {
            throw new DomainException(ErrorCode.DUPLICATE, "name", "Another template has this name.");
        }
    }

    @Transactional(readOnly = true)
    public List<ChargePointTemplate> list() {
        return rows.list();
    }

    @Transactional(readOnly = true)
    public Optional<ChargePointTemplate> find(UUID id) {
        return id == null ? Optional.empty() : rows.find(id);
    }
}
