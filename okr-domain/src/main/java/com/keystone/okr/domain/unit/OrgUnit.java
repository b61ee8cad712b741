package com.keystone.okr.domain.unit;

import static com.keystone.okr.domain.DomainText.text;

import com.keystone.okr.domain.Checks;
import com.keystone.okr.domain.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;

/**
 * A node of the organisation tree. The root is the company, depth 1 a department, deeper nodes
 * teams. The path (names joined by {@code /}) is stored with the unit so that a whole subtree is
 * one {@code LIKE 'path/%'} query and the roll-up needs no recursive reads.
 */
@Entity
@Table(name = "org_unit")
public class OrgUnit {

    public static final String SEPARATOR = "/";
    public static final int MAX_NAME = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "org_unit_seq")
    @SequenceGenerator(name = "org_unit_seq", sequenceName = "org_unit_seq", allocationSize = 50)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Column(nullable = false, unique = true, length = 1000)
    private String path;

    @Column(nullable = false)
    private int depth;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private OrgUnit parent;

    @Column(nullable = false)
    private boolean archived;

    protected OrgUnit() {
        // for JPA
    }

    // Other units (the parent above all) are read through their getters, never their fields: a lazily loaded
    // parent is a Hibernate proxy whose own fields stay empty, so parent.path would be null.
    private OrgUnit(String name, OrgUnit parent) {
        this.name = validName(name);
        this.parent = parent;
        this.depth = parent == null ? 0 : parent.getDepth() + 1;
        this.path = parent == null ? this.name : parent.getPath() + SEPARATOR + this.name;
    }

    /** The company: the one root of the tree. */
    public static OrgUnit root(String name) {
        return new OrgUnit(name, null);
    }

    /** A new unit below this one. Sibling names must be unique; the repository checks that against stored units. */
    public OrgUnit addChild(String childName) {
        if (archived) {
            throw new InvalidInputException("parent", text("unit.archived", path));
        }
        return new OrgUnit(childName, this);
    }

    public static String validName(String name) {
        String n = Checks.text("name", name, MAX_NAME);
        if (n.contains(SEPARATOR)) {
            throw new InvalidInputException("name", text("unit.slashInName", n));
        }
        return n;
    }

    /** Splits and checks a path such as {@code Acme/Sales/Inbound}. */
    public static String[] splitPath(String path) {
        String p = Checks.text("unit_path", path, 1000);
        String[] names = p.split(SEPARATOR, -1);
        for (int i = 0; i < names.length; i++) {
            if (names[i].isBlank()) {
                throw new InvalidInputException("unit_path", text("unit.emptyName", p));
            }
            names[i] = names[i].strip();
        }
        return names;
    }

    /**
     * Splits a path that must lie in the company whose root unit is {@code root} (null while
     * the company has no unit yet: the path's first name then becomes the root). The company
     * has one root, and every path starts with its name.
     */
    public static String[] splitPathUnder(OrgUnit root, String path) {
        String[] names = splitPath(path);
        if (root != null && !root.getName().equals(names[0])) {
            throw new InvalidInputException("unit_path", text("unit.pathOutsideCompany", path, root.getName()));
        }
        return names;
    }

    /** Renames this unit; the caller re-paths the descendants ({@link #rebase}). */
    public void rename(String newName) {
        this.name = validName(newName);
        this.path = parent == null ? this.name : parent.getPath() + SEPARATOR + this.name;
    }

    /** Moves this unit below another one, refusing a move into its own subtree. */
    public void moveTo(OrgUnit newParent) {
        Checks.required("parent", newParent);
        if (parent == null) {
            throw new InvalidInputException("parent", text("unit.rootCannotMove"));
        }
        if (newParent == this || newParent.isDescendantOf(this)) {
            throw new InvalidInputException("parent", text("unit.belowItself", path, newParent.getPath()));
        }
        this.parent = newParent;
        this.depth = newParent.getDepth() + 1;
        this.path = newParent.getPath() + SEPARATOR + name;
    }

    /** Recomputes path and depth from the parent after an ancestor was renamed or moved. */
    public void rebase() {
        if (parent != null) {
            this.depth = parent.getDepth() + 1;
            this.path = parent.getPath() + SEPARATOR + name;
        }
    }

    public void archive() {
        this.archived = true;
    }

    public void restore() {
        this.archived = false;
    }

    /** True when this unit is strictly below {@code other} (by path, so it needs no lazy loads). */
    public boolean isDescendantOf(OrgUnit other) {
        return other != null && path.startsWith(other.getPath() + SEPARATOR);
    }

    /** True when {@code other} is this unit or one of its ancestors. */
    public boolean isSelfOrDescendantOf(OrgUnit other) {
        return other != null && (path.equals(other.getPath()) || isDescendantOf(other));
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getName() {
        return name;
    }

    public String getPath() {
        return path;
    }

    public int getDepth() {
        return depth;
    }

    public OrgUnit getParent() {
        return parent;
    }

    public boolean isRoot() {
        return parent == null && depth == 0;
    }

    public boolean isArchived() {
        return archived;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof OrgUnit other && Objects.equals(path, other.getPath()));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(path);
    }

    @Override
    public String toString() {
        return "OrgUnit[" + path + "]";
    }
}
