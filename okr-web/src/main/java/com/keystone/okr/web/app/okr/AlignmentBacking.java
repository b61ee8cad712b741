package com.keystone.okr.web.app.okr;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.domain.person.UnitRole;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.cycle.Pace;
import com.keystone.okr.reporting.objective.ObjectiveResult;
import com.keystone.okr.reporting.unit.UnitResult;
import com.keystone.okr.web.report.ReportService;
import com.keystone.okr.web.security.CurrentUser;
import com.keystone.okr.web.ui.Formats;
import com.keystone.okr.web.ui.ViewContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;

/**
 * The cascade of the session's cycle as a tree: the company's objectives with the objectives
 * aligned to them, level by level down to the teams; objectives aligned to nothing start a tree
 * of their own. Filtering by a unit keeps that unit's objectives and its descendants', with the
 * objectives above them for context. Everything comes from the report; no query of its own.
 */
@Named
@ViewScoped
public class AlignmentBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ReportService reports;
    @Inject
    CurrentUser user;
    @Inject
    ViewContext context;
    @Inject
    Formats fmt;

    /** The unit filter, a view parameter ({@code ?unit=Acme/Marketing}); empty shows the whole company. */
    private String unit;
    private String cycle;
    private boolean closed;
    private List<AlignmentNode> objectives = List.of();
    private Map<String, String> parents = Map.of();
    private List<String> units = List.of();
    private TreeNode<AlignmentNode> tree;
    private int shown;

    /** Runs once per view, after the view parameters are set. */
    public void load() {
        cycle = context.getCycle();
        if (cycle == null) {
            return;
        }
        CycleReport report = reports.report(cycle, context.getAsOf());
        closed = report.state() == CycleState.CLOSED;
        String company = report.units().stream().filter(u -> u.depth() == 0).map(UnitResult::path).findFirst().orElse(null);
        List<AlignmentNode> nodes = new ArrayList<>();
        Map<String, String> parentOf = new HashMap<>();
        for (ObjectiveResult o : report.objectives()) {
            boolean aligned = o.parentKey() != null && report.objective(o.parentKey()).isPresent();
            nodes.add(new AlignmentNode(o.key(), o.title(), o.unitPath(), o.owner(), fmt.percent(o.progress()), o.pace(),
                    o.measurable(), !aligned && !o.unitPath().equals(company), false));
            if (aligned) {
                parentOf.put(o.key(), o.parentKey());
            }
        }
        objectives = nodes;
        parents = parentOf;
        units = report.units().stream().map(UnitResult::path).toList();
        if (unit != null && !units.contains(unit)) {
            unit = null;
        }
        build(true);
    }

    /** The unit filter changed. */
    public void filter() {
        build(true);
    }

    public void expandAll() {
        setExpanded(tree, true);
    }

    public void collapseAll() {
        setExpanded(tree, false);
    }

    private void build(boolean expanded) {
        Set<String> matching = new HashSet<>();
        for (AlignmentNode n : objectives) {
            if (inFilter(n.unitPath())) {
                matching.add(n.key());
            }
        }
        // the objectives above the matching ones, for context
        Set<String> visible = new HashSet<>(matching);
        for (String key : matching) {
            for (String p = parents.get(key); p != null && visible.add(p); p = parents.get(p)) {
                // walk up until an objective already shown
            }
        }
        Map<String, List<AlignmentNode>> children = new LinkedHashMap<>();
        List<AlignmentNode> tops = new ArrayList<>();
        for (AlignmentNode n : objectives) {
            if (!visible.contains(n.key())) {
                continue;
            }
            AlignmentNode shownNode = matching.contains(n.key()) ? n
                    : new AlignmentNode(n.key(), n.title(), n.unitPath(), n.owner(), n.percent(), n.pace(), n.measurable(),
                            n.orphan(), true);
            String parent = parents.get(n.key());
            if (parent == null || !visible.contains(parent)) {
                tops.add(shownNode);
            } else {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(shownNode);
            }
        }
        // company objectives and every cascade first, then the orphans, each in unit path order
        List<AlignmentNode> ordered = new ArrayList<>(tops.stream().filter(n -> !n.orphan()).toList());
        ordered.addAll(tops.stream().filter(AlignmentNode::orphan).toList());
        tree = new DefaultTreeNode<>(null, null);
        for (AlignmentNode top : ordered) {
            add(tree, top, children, expanded, new HashSet<>());
        }
        shown = matching.size();
    }

    private static void add(TreeNode<AlignmentNode> parent, AlignmentNode n, Map<String, List<AlignmentNode>> children,
                            boolean expanded, Set<String> path) {
        TreeNode<AlignmentNode> node = new DefaultTreeNode<>(n, parent);
        node.setExpanded(expanded);
        if (!path.add(n.key())) {
            return; // the engine refuses loops; a tree never follows one
        }
        for (AlignmentNode child : children.getOrDefault(n.key(), List.of())) {
            add(node, child, children, expanded, path);
        }
        path.remove(n.key());
    }

    private static void setExpanded(TreeNode<AlignmentNode> node, boolean expanded) {
        if (node == null) {
            return;
        }
        for (TreeNode<AlignmentNode> child : node.getChildren()) {
            child.setExpanded(expanded);
            setExpanded(child, expanded);
        }
    }

    private boolean inFilter(String path) {
        return unit == null || unit.isBlank() || path.equals(unit) || path.startsWith(unit + "/");
    }

    /** Admins and leads may create objectives (in the units they lead); not in a closed cycle. */
    public boolean isCanCreate() {
        return cycle != null && !closed && !context.isHistory() && (user.isAdmin()
                || user.memberships().stream().anyMatch(m -> m.getRole() == UnitRole.LEAD));
    }

    public String paceLabelKey(Pace pace) {
        return "pace." + pace.name();
    }

    public boolean isCycleThere() {
        return cycle != null;
    }

    public String getCycle() {
        return cycle;
    }

    public boolean isNoObjectives() {
        return objectives.isEmpty();
    }

    public boolean isFilterEmpty() {
        return !objectives.isEmpty() && shown == 0;
    }

    public int getObjectiveCount() {
        return objectives.size();
    }

    public int getShownCount() {
        return shown;
    }

    public long getOrphanCount() {
        return objectives.stream().filter(n -> n.orphan() && inFilter(n.unitPath())).count();
    }

    public TreeNode<AlignmentNode> getTree() {
        return tree;
    }

    public List<String> getUnits() {
        return units;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit == null || unit.isBlank() ? null : unit;
    }
}
