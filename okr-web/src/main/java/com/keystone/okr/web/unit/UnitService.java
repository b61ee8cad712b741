package com.keystone.okr.web.unit;

import static com.keystone.okr.web.support.WebText.text;

import com.keystone.okr.domain.DomainText;
import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.audit.AuditAction;
import com.keystone.okr.domain.audit.AuditSubject;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.persistence.unit.OrgUnitRepository;
import com.keystone.okr.web.audit.AuditTrail;
import com.keystone.okr.web.security.CurrentUser;
import com.keystone.okr.web.support.UnknownKeyException;
import com.keystone.okr.web.support.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** The organisation tree: read by everyone signed in, shaped by admins (create, rename, move, archive). */
@ApplicationScoped
@Transactional
public class UnitService {

    @Inject
    OrgUnitRepository units;
    @Inject
    CurrentUser user;
    @Inject
    AuditTrail trail;
    @PersistenceContext(unitName = "okr")
    EntityManager em;

    public List<OrgUnit> list() {
        user.person();
        return units.all();
    }

    public OrgUnit get(String path) {
        user.person();
        return find(path);
    }

    /** A new unit below {@code parentPath}; without a parent on an empty tree, the company itself. */
    public OrgUnit create(String parentPath, String name) {
        user.requireAdmin(text("action.createUnits"));
        OrgUnit unit;
        if (parentPath == null || parentPath.isBlank()) {
            unit = OrgUnit.root(name);
        } else {
            unit = parent(parentPath).addChild(name);
        }
        units.add(unit);
        em.flush();
        trail.record(AuditSubject.UNIT, unit.getPath(), AuditAction.UNIT_CREATED, null, unit.getPath());
        return unit;
    }

    /** Renames, moves and archives or restores a unit; descendants follow a rename or move. */
    public OrgUnit update(String path, String newName, String newParentPath, Boolean archived, Long version) {
        user.requireAdmin(text("action.changeUnits"));
        OrgUnit unit = find(path);
        Versions.check(text("subject.unit", path), version, unit.getVersion());
        String oldPath = unit.getPath();
        boolean wasArchived = unit.isArchived();
        String oldName = unit.getName();
        boolean moves = newParentPath != null && (unit.getParent() == null || !newParentPath.equals(unit.getParent().getPath()));
        OrgUnit newParent = moves ? parent(newParentPath) : unit.getParent();
        String newPath = (newParent == null ? "" : newParent.getPath() + OrgUnit.SEPARATOR)
                + (newName == null ? unit.getName() : OrgUnit.validName(newName));
        // checked before the unit changes: the query would otherwise flush the clash into the unique index (a 500)
        if (!newPath.equals(oldPath) && units.findByPath(newPath).filter(other -> other != unit).isPresent()) {
            throw new InvalidInputException("name", DomainText.text("unit.exists", newPath));
        }
        if (moves) {
            unit.moveTo(newParent);
        }
        if (newName != null && !newName.equals(unit.getName())) {
            unit.rename(newName);
        }
        if (!unit.getPath().equals(oldPath)) {
            units.rebaseDescendants(unit, oldPath);
        }
        if (archived != null) {
            if (archived) {
                unit.archive();
            } else {
                unit.restore();
            }
        }
        em.flush();
        // a unit's history is kept under the path it had then: a rename or move is noted under both paths
        if (!unit.getName().equals(oldName)) {
            trail.record(AuditSubject.UNIT, unit.getPath(), AuditAction.UNIT_RENAMED, oldPath, unit.getPath());
        } else if (!unit.getPath().equals(oldPath)) {
            trail.record(AuditSubject.UNIT, unit.getPath(), AuditAction.UNIT_MOVED, oldPath, unit.getPath());
        }
        if (!unit.getPath().equals(oldPath)) {
            trail.record(AuditSubject.UNIT, oldPath, unit.getName().equals(oldName) ? AuditAction.UNIT_MOVED
                    : AuditAction.UNIT_RENAMED, oldPath, unit.getPath());
        }
        if (unit.isArchived() != wasArchived) {
            trail.record(AuditSubject.UNIT, unit.getPath(), unit.isArchived() ? AuditAction.UNIT_ARCHIVED
                    : AuditAction.UNIT_RESTORED, null, null);
        }
        return unit;
    }

    private OrgUnit parent(String path) {
        return units.findByPath(path.strip())
                .orElseThrow(() -> new InvalidInputException("parentPath", text("noSuch.unit", path)));
    }

    private OrgUnit find(String path) {
        return units.findByPath(path).orElseThrow(() -> new UnknownKeyException("unit", path));
    }
}
