package com.keystone.okr.web.imports;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.unit.OrgUnit;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The organisation tree for an import, read whole once. Finds units by path and creates the
 * missing ones in memory (the import persists them, parents first), like
 * {@code OrgUnitRepository.ensurePath} but without a query per row. The company has one root:
 * a path must start at it, and on an empty database the first path of the file defines it.
 */
final class UnitTree {

    private final Map<String, OrgUnit> byPath = new HashMap<>();
    private final List<OrgUnit> created = new ArrayList<>();
    private OrgUnit root;

    static UnitTree load(EntityManager em) {
        UnitTree tree = new UnitTree();
        for (OrgUnit u : em.createQuery("select u from OrgUnit u", OrgUnit.class).getResultList()) {
            tree.byPath.put(u.getPath(), u);
            if (u.getParent() == null && (tree.root == null || u.getId() < tree.root.getId())) {
                tree.root = u;
            }
        }
        return tree;
    }

    /**
     * The unit at {@code path} (names stripped, as {@code OrgUnit.splitPath} does), created with
     * its missing ancestors when needed. Refusals name the column {@code unit_path}.
     */
    OrgUnit resolve(String path) {
        try {
            String[] names = OrgUnit.splitPathUnder(root, path);
            OrgUnit found = byPath.get(String.join(OrgUnit.SEPARATOR, names));
            if (found != null) {
                return found;
            }
            if (root == null) {
                root = add(OrgUnit.root(names[0]));
            }
            OrgUnit current = root;
            for (int i = 1; i < names.length; i++) {
                OrgUnit child = byPath.get(current.getPath() + OrgUnit.SEPARATOR + names[i]);
                current = child != null ? child : add(current.addChild(names[i]));
            }
            return current;
        } catch (InvalidInputException e) {
            if ("unit_path".equals(e.getField())) {
                throw e;
            }
            throw new InvalidInputException("unit_path", "unit path '" + path + "': " + e.getMessage());
        }
    }

    private OrgUnit add(OrgUnit unit) {
        byPath.put(unit.getPath(), unit);
        created.add(unit);
        return unit;
    }

    /** The units created by {@link #resolve}, each after its parent. */
    List<OrgUnit> created() {
        return created;
    }
}
