package com.keystone.okr.web.app.admin;

import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.web.security.CurrentUser;
import com.keystone.okr.web.ui.Messages;
import com.keystone.okr.web.unit.UnitService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;

/**
 * The units page: the organisation tree, fully expanded, with one dialog that adds a unit,
 * renames one or moves one. Every change carries the version the page showed, so a unit someone
 * else changed in the meantime is refused (stale) instead of overwritten.
 */
@Named
@ViewScoped
public class UnitsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the unit dialog does. */
    public enum Mode { ADD, RENAME, MOVE }

    /** A unit as the tree shows it. */
    public record UnitRow(String path, String name, int depth, boolean archived, long version) implements Serializable {

        static UnitRow of(OrgUnit u) {
            return new UnitRow(u.getPath(), u.getName(), u.getDepth(), u.isArchived(), u.getVersion());
        }

        /** From the path, not the lazy parent: names never contain the separator. */
        public String parentPath() {
            int i = path.lastIndexOf(OrgUnit.SEPARATOR);
            return i < 0 ? null : path.substring(0, i);
        }

        public boolean root() {
            return depth == 0;
        }

        /** This unit is {@code other} or lies below it. */
        boolean within(String other) {
            return path.equals(other) || path.startsWith(other + OrgUnit.SEPARATOR);
        }
    }

    @Inject
    UnitService units;
    @Inject
    CurrentUser user;

    private boolean allowed;
    private List<UnitRow> rows = List.of();
    private TreeNode<UnitRow> root;

    private Mode mode = Mode.ADD;
    private UnitRow target;
    private String name;
    private String parent;

    @PostConstruct
    void load() {
        allowed = user.isAdmin();
        if (allowed) {
            reload();
        }
    }

    private void reload() {
        rows = units.list().stream().map(UnitRow::of).toList();
        TreeNode<UnitRow> top = new DefaultTreeNode<>(null, null);
        Map<String, TreeNode<UnitRow>> byPath = new HashMap<>();
        for (UnitRow row : rows) { // path order: every parent comes before its children
            TreeNode<UnitRow> above = row.parentPath() == null ? top : byPath.getOrDefault(row.parentPath(), top);
            TreeNode<UnitRow> node = new DefaultTreeNode<>(row, above);
            node.setExpanded(true);
            byPath.put(row.path(), node);
        }
        root = top;
    }

    /** "Add unit" above the tree: below the company, or the company itself on an empty tree. */
    public void openAddTop() {
        open(Mode.ADD, null);
        parent = rows.stream().filter(UnitRow::root).map(UnitRow::path).findFirst().orElse(null);
    }

    public void openAdd(UnitRow below) {
        open(Mode.ADD, null);
        parent = below.path();
    }

    public void openRename(UnitRow row) {
        open(Mode.RENAME, row);
        name = row.name();
    }

    public void openMove(UnitRow row) {
        open(Mode.MOVE, row);
        parent = row.parentPath();
    }

    private void open(Mode newMode, UnitRow row) {
        mode = newMode;
        target = row;
        name = null;
        parent = null;
    }

    public void save() {
        if (!allowed) {
            return;
        }
        Map<String, String> fields = new HashMap<>();
        if (isNameShown()) {
            fields.put("name", "unitDialog:name");
        }
        if (isParentShown()) {
            fields.put("parentPath", "unitDialog:parent");
            fields.put("parent", "unitDialog:parent");
            fields.put("unit_path", "unitDialog:parent");
            fields.putIfAbsent("name", "unitDialog:parent"); // a move that lands on a sibling's name
        }
        OrgUnit saved = Messages.attempt(() -> switch (mode) {
            case ADD -> units.create(parent, name);
            case RENAME -> units.update(target.path(), name, null, null, target.version());
            case MOVE -> units.update(target.path(), null, parent, null, target.version());
        }, fields);
        if (saved != null) {
            Messages.info(AdminText.label(switch (mode) {
                case ADD -> "units.created";
                case RENAME -> "units.renamed";
                case MOVE -> "units.moved";
            }, saved.getPath()));
            reload();
            PrimeFaces.current().ajax().update("units");
        }
    }

    public void archive(UnitRow row) {
        archive(row, true, "units.archived");
    }

    public void restore(UnitRow row) {
        archive(row, false, "units.restored");
    }

    private void archive(UnitRow row, boolean archived, String done) {
        if (!allowed) {
            return;
        }
        OrgUnit saved = Messages.attempt(() -> units.update(row.path(), null, null, archived, row.version()), Map.of());
        if (saved != null) {
            Messages.info(AdminText.label(done, saved.getPath()));
        }
        reload(); // a refusal (stale) also shows the tree as it is now
    }

    public boolean isAllowed() {
        return allowed;
    }

    public TreeNode<UnitRow> getRoot() {
        return root;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String getDialogTitle() {
        return switch (mode) {
            case ADD -> isParentShown() ? AdminText.label("units.dialog.add") : AdminText.label("units.dialog.addRoot");
            case RENAME -> AdminText.label("units.dialog.rename", target.path());
            case MOVE -> AdminText.label("units.dialog.move", target.path());
        };
    }

    public boolean isMoving() {
        return mode == Mode.MOVE;
    }

    public boolean isNameShown() {
        return mode != Mode.MOVE;
    }

    /** A unit is added below a chosen parent (unless it is the company) and moved to one. */
    public boolean isParentShown() {
        return mode == Mode.MOVE || (mode == Mode.ADD && !rows.isEmpty());
    }

    /**
     * Where a unit may go: to add, any unit that is not archived; to move, any unit outside the
     * moved unit's own subtree (its current parent always stays offered).
     */
    public List<String> getParentOptions() {
        return rows.stream()
                .filter(r -> switch (mode) {
                    case ADD -> !r.archived();
                    case MOVE -> !r.within(target.path()) && (!r.archived() || r.path().equals(target.parentPath()));
                    case RENAME -> false;
                })
                .map(UnitRow::path).toList();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getParent() {
        return parent;
    }

    public void setParent(String parent) {
        this.parent = parent;
    }
}
