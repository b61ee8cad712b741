package com.keystone.okr.persistence.unit;

import static com.keystone.okr.domain.DomainText.text;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.domain.unit.PathOrder;
import com.keystone.okr.persistence.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The organisation tree. Subtrees are read by path prefix, in one query. */
@ApplicationScoped
public class OrgUnitRepository extends Repository<OrgUnit> {

    public OrgUnitRepository() {
        super(OrgUnit.class);
    }

    public OrgUnitRepository(EntityManager em) {
        super(OrgUnit.class, em);
    }

    /** Adds a unit, refusing a second root and a duplicate name among siblings. */
    @Override
    public OrgUnit add(OrgUnit unit) {
        if (unit.getParent() == null) {
            findRoot().ifPresent(root -> {
                throw new InvalidInputException("unit_path", text("unit.secondRoot", root.getPath(), unit.getPath()));
            });
        }
        if (findByPath(unit.getPath()).isPresent()) {
            throw new InvalidInputException("name", text("unit.exists", unit.getPath()));
        }
        return super.add(unit);
    }

    public Optional<OrgUnit> findByPath(String path) {
        return first(em.createQuery("select u from OrgUnit u where u.path = :path", OrgUnit.class)
                .setParameter("path", path).getResultList());
    }

    public Optional<OrgUnit> findRoot() {
        return first(em.createQuery("select u from OrgUnit u where u.parent is null", OrgUnit.class)
                .setMaxResults(1).getResultList());
    }

    /** Every unit, in path order (the tree in pre-order: parents before their children, subtrees together). */
    public List<OrgUnit> all() {
        return inPathOrder(em.createQuery("select u from OrgUnit u", OrgUnit.class).getResultList());
    }

    public List<OrgUnit> children(OrgUnit parent) {
        return em.createQuery("select u from OrgUnit u where u.parent = :p order by u.name", OrgUnit.class)
                .setParameter("p", parent).getResultList();
    }

    /** The unit and all units below it, in path order. */
    public List<OrgUnit> subtree(OrgUnit top) {
        return inPathOrder(em.createQuery("select u from OrgUnit u where u.path = :path or u.path like :prefix escape '\\'",
                        OrgUnit.class)
                .setParameter("path", top.getPath())
                .setParameter("prefix", likePrefix(top.getPath() + OrgUnit.SEPARATOR))
                .getResultList());
    }

    /**
     * Sorted here, not by SQL: string order puts {@code Acme/Sales-Ops} between {@code Acme/Sales} and
     * {@code Acme/Sales/Inbound} ('-' sorts before '/'), and a database's collation may differ from another's.
     */
    private static List<OrgUnit> inPathOrder(List<OrgUnit> units) {
        List<OrgUnit> sorted = new ArrayList<>(units);
        sorted.sort(Comparator.comparing(OrgUnit::getPath, PathOrder.INSTANCE));
        return sorted;
    }

    /**
     * Finds the unit at {@code path}, creating the missing units along it. The first name must be
     * the company's root (or, on an empty database, becomes it).
     */
    public OrgUnit ensurePath(String path) {
        Optional<OrgUnit> root = findRoot();
        String[] names = OrgUnit.splitPathUnder(root.orElse(null), path);
        OrgUnit current = root.isPresent() ? root.get() : super.add(OrgUnit.root(names[0]));
        for (int i = 1; i < names.length; i++) {
            String childPath = current.getPath() + OrgUnit.SEPARATOR + names[i];
            Optional<OrgUnit> existing = findByPath(childPath);
            current = existing.isPresent() ? existing.get() : super.add(current.addChild(names[i]));
        }
        return current;
    }

    /** Re-paths a unit's descendants after it was renamed or moved (parents first, so each sees its new parent path). */
    public void rebaseDescendants(OrgUnit unit, String oldPath) {
        List<OrgUnit> below = em.createQuery("select u from OrgUnit u where u.path like :prefix escape '\\' order by u.depth",
                        OrgUnit.class)
                .setParameter("prefix", likePrefix(oldPath + OrgUnit.SEPARATOR))
                .getResultList();
        for (OrgUnit u : below) {
            u.rebase();
        }
    }
}
