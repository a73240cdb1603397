package io.chargebase.domain.tariffs;

import java.util.ArrayList;
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
import io.chargebase.domain.tariffs.internal.TariffGroupRows;

/**
 * Tariff groups, as the admin manual has them: creating a group creates its base tariff (free until edited), which
 * stays first and cannot be removed, reordered or restricted; other tariffs are attached, detached and reordered;
 * a group used by an EVSE cannot be deleted.
 */
@Service
@Transactional
public class TariffGroups {

    private final TariffGroupRows rows;
    private final Tariffs tariffs;

    TariffGroups(TariffGroupRows rows, Tariffs tariffs) {
        this.rows = rows;
        this.tariffs = tariffs;
    }

    public TariffGroup create(String name, String createdBy) {
        String valid = Text.required("name", name, 200);
        String baseName = Text.required("name", valid + ": Base tariff", 200);
        StoredTariff base = tariffs.create(new NewTariff(uniqueBaseName(baseName), null, TariffPricing.free(), null, null, null), true, createdBy);
        UUID id = UUID.randomUUID();
        try {
            rows.insert(id, valid, base.id());
        } catch (DuplicateKeyException duplicate) {
            throw new DomainException(ErrorCode.DUPLICATE, "name", "Another tariff group already has this name.");
        }
        return rows.find(id).orElseThrow();
    }

    public TariffGroup rename(UUID id, String name) {
        rows.lock(id).orElseThrow(() -> DomainException.notFound("tariffGroupId", "tariff group", id));
        try {
            rows.rename(id, Text.required("name", name, 200));
        } catch (DuplicateKeyException duplicate) {
            throw new DomainException(ErrorCode.DUPLICATE, "name", "Another tariff group already has this name.");
        }
        return rows.find(id).orElseThrow();
    }

    /** Adds a tariff at the end of the group, where it wins over every tariff above it. */
    public TariffGroup attach(UUID groupId, UUID tariffId) {
        TariffGroup group = locked(groupId);
        StoredTariff tariff = tariffs.find(tariffId).orElseThrow(() -> DomainException.notFound("tariffId", "tariff", tariffId));
        if (tariff.base()) {
            throw new DomainException(ErrorCode.INVALID, "tariffId", "A base tariff belongs to its own group only.");
        }
        if (group.tariffIds().contains(tariffId)) {
            throw new DomainException(ErrorCode.DUPLICATE, "tariffId", "The tariff is already in this group.");
        }
        StoredTariff base = tariffs.find(group.baseTariffId()).orElseThrow();
        if (!base.currency().equals(tariff.currency())) {
            throw new DomainException(ErrorCode.INVALID, "tariffId", "The group prices in " + base.currency() + ", the tariff in "
                    + tariff.currency() + ".");
        }
        List<UUID> entries = new ArrayList<>(group.tariffIds());
        entries.add(tariffId);
        rows.setEntries(groupId, entries);
        return rows.find(groupId).orElseThrow();
    }

    public TariffGroup detach(UUID groupId, UUID tariffId) {
        TariffGroup group = locked(groupId);
        if (tariffId.equals(group.baseTariffId())) {
            throw new DomainException(ErrorCode.INVALID, "tariffId", "The base tariff cannot be removed from its group.");
        }
        if (!group.tariffIds().contains(tariffId)) {
            throw DomainException.notFound("tariffId", "tariff in this group", tariffId);
        }
        rows.setEntries(groupId, group.tariffIds().stream().filter(id -> !id.equals(tariffId)).toList());
        return rows.find(groupId).orElseThrow();
    }

    /** Sets the order of the tariffs after the base tariff; the list names each of them once. */
    public TariffGroup reorder(UUID groupId, List<UUID> tariffIds) {
        TariffGroup group = locked(groupId);
        List<UUID> others = group.tariffIds().subList(1, group.tariffIds().size());
        List<UUID> order = tariffIds == null ? List.of() : tariffIds;
        if (order.contains(group.baseTariffId())) {
            throw new DomainException(ErrorCode.INVALID, "tariffIds", "The base tariff always comes first and is not reordered.");
        }
        if (order.size() != others.size() || !new HashSet<>(order).equals(new HashSet<>(others))) {
            throw new DomainException(ErrorCode.INVALID, "tariffIds", "Name every tariff of the group but the base tariff, each once.");
        }
        List<UUID> entries = new ArrayList<>();
        entries.add(group.baseTariffId());
        entries.addAll(order);
        rows.setEntries(groupId, entries);
        return rows.find(groupId).orElseThrow();
    }

    /** Deletes a group no EVSE uses, and its base tariff with it (when no CDR was rated with it). */
    public UUID delete(UUID id) {
        TariffGroup group = locked(id);
        long evses = rows.evseCount(id);
        if (evses > 0) {
            throw new DomainException(ErrorCode.IN_USE, "tariffGroupId", "The tariff group prices " + evses + " EVSE(s); assign them another first.");
        }
        rows.delete(id);
        tariffs.deleteBase(group.baseTariffId());
        return id;
    }

    /** Prices an EVSE with a tariff group, or (null) returns it to the active tariff plan. */
    public void assignToEvse(UUID evseId, UUID groupId) {
        if (groupId != null) {
            rows.find(groupId).orElseThrow(() -> DomainException.notFound("tariffGroupId", "tariff group", groupId));
        }
        if (!rows.assignToEvse(evseId, groupId)) {
            throw DomainException.notFound("evseId", "EVSE", evseId);
        }
    }

    @Transactional(readOnly = true)
    public List<TariffGroup> list() {
        return rows.list();
    }

    @Transactional(readOnly = true)
    public Optional<TariffGroup> find(UUID id) {
        return rows.find(id);
    }

    /** The tariff group of each EVSE that has one. */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, UUID> groupsOfEvses(java.util.Collection<UUID> evseIds) {
        return evseIds.isEmpty() ? java.util.Map.of() : rows.groupsOfEvses(evseIds);
    }

    @Transactional(readOnly = true)
    public Optional<UUID> groupOfEvse(UUID evseId) {
        return rows.groupOfEvse(evseId);
    }

    private TariffGroup locked(UUID id) {
        return rows.lock(id).orElseThrow(() -> DomainException.notFound("tariffGroupId", "tariff group", id));
    }

    private String uniqueBaseName(String name) {
        List<String> taken = tariffs.list().stream().map(tariff -> tariff.name().toLowerCase(java.util.Locale.ROOT)).toList();
        String candidate = name;
        for (int n = 2; taken.contains(candidate.toLowerCase(java.util.Locale.ROOT)); n++) {
            candidate = name + " (" + n + ")";
        }
        return candidate;
    }
}
