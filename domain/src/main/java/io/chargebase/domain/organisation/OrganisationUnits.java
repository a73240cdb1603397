package io.chargebase.domain.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.Text;
import io.chargebase.domain.organisation.internal.OrganisationUnitRows;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/** The organisation-unit tree of the tenant acted for. */
@Service
@Transactional
public class OrganisationUnits {

    static final int MAX_NAME = 200;
    /** Deep enough for country → region → city → site → department, shallow enough to render. */
    static final int MAX_DEPTH = 15;

    private final OrganisationUnitRows rows;
    private final List<UnitAdministrators> administrators;

    OrganisationUnits(OrganisationUnitRows rows, List<UnitAdministrators> administrators) {
        this.rows = rows;
        this.administrators = List.copyOf(administrators);
    }

    /** The top of the tree as the caller sees it: the tenant's root, or an OU admin's own unit. */
    @Transactional(readOnly = true)
    public OrganisationUnit root() {
        if (TenantContext.narrowing() instanceof TenantScope.Narrowing.Subtree(UUID scopeRoot)) {
            return rows.find(scopeRoot).orElseThrow(() -> new IllegalStateException("The OU admin's unit " + scopeRoot + " is gone"));
        }
        return rows.root().orElseThrow(() -> new IllegalStateException("Tenant has no root organisation unit"));
    }

    @Transactional(readOnly = true)
    public Optional<OrganisationUnit> find(UUID id) {
        return rows.find(id);
    }

    @Transactional(readOnly = true)
    public Map<UUID, OrganisationUnit> findAll(Collection<UUID> ids) {
        return rows.findAll(ids);
    }

    /** The whole tree, or the subtree below {@code under}, parents before children. */
    @Transactional(readOnly = true)
    public List<OrganisationUnit> subtree(UUID under) {
        OuPath path = under == null ? root().path() : existing("id", under).path();
        return rows.subtree(path);
    }

    /** The children of each given unit, in name order. */
    @Transactional(readOnly = true)
    public Map<UUID, List<OrganisationUnit>> childrenOf(Collection<UUID> parentIds) {
        return rows.childrenOf(parentIds);
    }

    public OrganisationUnit create(UUID parentId, String name) {
        String validName = Text.required("name", name, MAX_NAME);
        rows.lockTree(TenantContext.requireTenant());
        OrganisationUnit parent = existing("parentId", parentId);
        if (parent.depth() + 1 > MAX_DEPTH) {
            throw new DomainException(ErrorCode.INVALID, "parentId", "The tree is at most " + MAX_DEPTH + " levels deep.");
        }
        UUID id = UUID.randomUUID();
        return uniqueName(() -> rows.insert(id, parent.id(), validName, parent.path().child(id)));
    }

    /** Creates the root of a new tenant's tree. */
    public OrganisationUnit createRoot(String name) {
        UUID id = UUID.randomUUID();
        return rows.insert(id, null, Text.required("name", name, MAX_NAME), OuPath.root(id));
    }

    public OrganisationUnit rename(UUID id, String name) {
        String validName = Text.required("name", name, MAX_NAME);
        existing("id", id);
        return uniqueName(() -> rows.rename(id, validName));
    }

    /** Moves a unit with its whole subtree under a new parent. */
    public OrganisationUnit move(UUID id, UUID newParentId) {
        rows.lockTree(TenantContext.requireTenant());
        OrganisationUnit unit = existing("id", id);
        OrganisationUnit newParent = existing("newParentId", newParentId);
        if (isScopeRoot(unit)) {
            throw new DomainException(ErrorCode.ROOT_IMMUTABLE, "id", "The root organisation unit cannot be moved.");
        }
        if (unit.path().contains(newParent.path())) {
            throw new DomainException(ErrorCode.CYCLE, "newParentId",
                    "An organisation unit cannot be moved under itself or one of its descendants.");
        }
        if (newParent.id().equals(unit.parentId())) {
            return unit;
        }
        OuPath newPath = newParent.path().child(id);
        int subtreeHeight = rows.subtreeHeight(unit.path()) - unit.depth();
        if (newPath.depth() + subtreeHeight > MAX_DEPTH) {
            throw new DomainException(ErrorCode.INVALID, "newParentId", "The tree is at most " + MAX_DEPTH + " levels deep.");
        }
        return uniqueName(() -> rows.moveSubtree(unit, newParent.id(), newPath));
    }

    /** Deletes a unit that has no child units and no profiles. */
    public UUID delete(UUID id) {
        rows.lockTree(TenantContext.requireTenant());
        OrganisationUnit unit = existing("id", id);
        if (isScopeRoot(unit)) {
            throw new DomainException(ErrorCode.ROOT_IMMUTABLE, "id", "The root organisation unit cannot be deleted.");
        }
        if (rows.hasChildren(id)) {
            throw new DomainException(ErrorCode.NOT_EMPTY, "id", "Move or delete its child units first.");
        }
        if (rows.hasMembers(id)) {
            throw new DomainException(ErrorCode.NOT_EMPTY, "id", "Move its profiles to another unit first.");
        }
        if (administrators.stream().anyMatch(users -> users.administer(id))) {
            throw new DomainException(ErrorCode.NOT_EMPTY, "id", "OU admins administer this unit; rebind or remove them first.");
        }
        rows.delete(id);
        return id;
    }

    /** The tenant's root, or for an OU admin their own unit: the top they may neither move nor delete. */
    private static boolean isScopeRoot(OrganisationUnit unit) {
        return unit.isRoot() || TenantContext.narrowing() instanceof TenantScope.Narrowing.Subtree(UUID scopeRoot)
                && scopeRoot.equals(unit.id());
    }

    private OrganisationUnit existing(String field, UUID id) {
        if (id == null) {
            throw new DomainException(ErrorCode.REQUIRED, field, "An organisation unit is required.");
        }
        return rows.find(id).orElseThrow(() -> DomainException.notFound(field, "organisation unit", id));
    }

    private static OrganisationUnit uniqueName(java.util.function.Supplier<OrganisationUnit> write) {
        try {
            return write.get();
        } catch (DuplicateKeyException sameName) {
            throw new DomainException(ErrorCode.DUPLICATE, "name", "A sibling unit already has this name.");
        }
    }
}
