package com.keystone.okr.web.app.okr;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.domain.person.UnitRole;
import com.keystone.okr.reporting.cycle.Pace;
import com.keystone.okr.web.cycle.CycleService;
import com.keystone.okr.web.report.AlignmentService;
import com.keystone.okr.web.report.AlignmentService.Hit;
import com.keystone.okr.web.report.AlignmentService.Node;
import com.keystone.okr.web.report.AlignmentService.Summary;
import com.keystone.okr.web.security.CurrentUser;
import com.keystone.okr.web.ui.ViewContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.event.NodeCollapseEvent;
import org.primefaces.event.NodeExpandEvent;
import org.primefaces.event.SelectEvent;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;

/**
 * The cascade of the session's cycle as a tree that loads a level when it is opened: the tops of
 * the cascade (the company's objectives, then objectives aligned to nothing) with the objectives
 * aligned to them (the departments'), and further levels on demand. A unit scope keeps that
 * unit's objectives and its descendants', with the objectives above them for context; the search
 * scopes the tree to a unit or opens it down to an objective. The view holds what is open, and
 * every row comes from {@link AlignmentService}.
 */
@Named
@ViewScoped
public class AlignmentBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Search hits offered at once. */
    private static final int HITS = 15;
    /** The type of the child that stands for the children of a node not opened yet. */
    private static final String PLACEHOLDER = "placeholder";

    @Inject
    AlignmentService alignment;
    @Inject
    CycleService cycles;
    @Inject
    CurrentUser user;
    @Inject
    ViewContext context;

    /** The unit scope, a view parameter ({@code ?unit=Acme/Marketing}); empty shows the whole company. */
    private String unit;
    private String cycle;
    private boolean closed;
    private Summary summary = new Summary(0, 0, 0);
    private TreeNode<Node> tree;
    private TreeNode<Node> selected;
    private String found;

    /** Runs once per view, after the view parameters are set. */
    public void load() {
        cycle = context.getCycle();
        if (cycle == null) {
            return;
        }
        closed = cycles.get(cycle).getState() == CycleState.CLOSED;
        if (unit != null && !alignment.isUnit(cycle, context.getAsOf(), unit)) {
            unit = null;
        }
        build();
    }

    /** The tops, each open on the level below it. */
    private void build() {
        summary = alignment.summary(cycle, context.getAsOf(), unit);
        tree = new DefaultTreeNode<>(null, null);
        selected = null;
        for (Node top : alignment.roots(cycle, context.getAsOf(), unit)) {
            TreeNode<Node> node = add(top, tree);
            if (!top.orphan() && top.children() > 0) {
                open(node);
            }
        }
    }

    /**
     * A node; one with children gets a placeholder child until it is opened, so the page shows
     * it can open without holding (or PrimeFaces walking) what lies below.
     */
    private static TreeNode<Node> add(Node n, TreeNode<Node> parent) {
        TreeNode<Node> node = new DefaultTreeNode<>(n, parent);
        if (n.children() > 0) {
            new DefaultTreeNode<>(PLACEHOLDER, null, node);
        }
        return node;
    }

    /** Loads a node's children (once) and opens it. */
    private void open(TreeNode<Node> node) {
        List<TreeNode<Node>> children = node.getChildren();
        if (children.size() == 1 && PLACEHOLDER.equals(children.get(0).getType())) {
            children.clear();
            for (Node child : alignment.children(cycle, context.getAsOf(), unit, node.getData().key())) {
                add(child, node);
            }
        }
        node.setExpanded(true);
    }

    /** A node was opened in the page (the tree is dynamic: its children are rendered in the answer). */
    public void onExpand(NodeExpandEvent event) {
        @SuppressWarnings("unchecked")
        TreeNode<Node> node = (TreeNode<Node>) event.getTreeNode();
        open(node);
    }

    public void onCollapse(NodeCollapseEvent event) {
        event.getTreeNode().setExpanded(false);
    }

    /** Offers units (their paths) and objectives ("KEY · title") whose path, key or title contains the text. */
    public List<String> search(String text) {
        return cycle == null ? List.of()
                : alignment.search(cycle, context.getAsOf(), text, HITS).stream().map(Hit::label).toList();
    }

    /** A hit was chosen: a unit scopes the tree, an objective opens it down to the objective. */
    public void onFound(SelectEvent<String> event) {
        String hit = event.getObject();
        found = null;
        if (hit == null || hit.isBlank()) {
            return;
        }
        if (alignment.isUnit(cycle, context.getAsOf(), hit)) {
            unit = hit;
            build();
            return;
        }
        String key = hit.split(" · ", 2)[0];
        List<String> path = alignment.pathTo(cycle, context.getAsOf(), unit, key);
        if (path.isEmpty() && unit != null) {
            unit = null; // outside the scope: show the whole company
            path = alignment.pathTo(cycle, context.getAsOf(), null, key);
        }
        build();
        TreeNode<Node> at = tree;
        for (String step : path) {
            if (at != tree) {
                open(at);
            }
            TreeNode<Node> next = null;
            for (TreeNode<Node> child : at.getChildren()) {
                if (child.getData() != null && child.getData().key().equals(step)) {
                    next = child;
                    break;
                }
            }
            if (next == null) {
                return;
            }
            at = next;
        }
        at.setSelected(true);
        selected = at;
    }

    /** The whole company again. */
    public void clearScope() {
        unit = null;
        build();
    }

    public void expandAll() {
        if (isCanExpandAll()) {
            expandBelow(tree);
        }
    }

    private void expandBelow(TreeNode<Node> node) {
        for (TreeNode<Node> child : List.copyOf(node.getChildren())) {
            if (child.getData() != null && child.getData().children() > 0) {
                open(child);
                expandBelow(child);
            }
        }
    }

    public void collapseAll() {
        collapseBelow(tree);
    }

    private static void collapseBelow(TreeNode<Node> node) {
        for (TreeNode<Node> child : node.getChildren()) {
            child.setExpanded(false);
            collapseBelow(child);
        }
    }

    /** Opening everything is offered while the scope holds few enough objectives to show at once. */
    public boolean isCanExpandAll() {
        return summary.inScope() <= AlignmentService.EXPAND_ALL_LIMIT;
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
        return summary.total() == 0;
    }

    public boolean isFilterEmpty() {
        return summary.total() > 0 && summary.inScope() == 0;
    }

    public int getObjectiveCount() {
        return summary.total();
    }

    public int getShownCount() {
        return summary.inScope();
    }

    public int getOrphanCount() {
        return summary.orphans();
    }

    public int getExpandAllLimit() {
        return AlignmentService.EXPAND_ALL_LIMIT;
    }

    public TreeNode<Node> getTree() {
        return tree;
    }

    public TreeNode<Node> getSelected() {
        return selected;
    }

    public void setSelected(TreeNode<Node> selected) {
        this.selected = selected;
    }

    public String getFound() {
        return found;
    }

    public void setFound(String found) {
        this.found = found;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit == null || unit.isBlank() ? null : unit;
    }
}
