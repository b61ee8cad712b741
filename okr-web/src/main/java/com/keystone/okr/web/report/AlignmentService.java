package com.keystone.okr.web.report;

import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.cycle.Pace;
import com.keystone.okr.reporting.objective.ObjectiveResult;
import com.keystone.okr.reporting.unit.UnitResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The alignment page's rows, one level of the cascade at a time, so that a page of a company of
 * thousands of units shows (and holds) what is open on it, never the whole tree: the tops of the
 * cascade, the objectives aligned to one objective, the chain from a top down to an objective,
 * and a search over units and objectives.
 * <p>
 * A unit scope keeps the objectives of that unit and the units below it, with the objectives
 * above them for context; without a scope, every objective is in it.
 */
@ApplicationScoped
public class AlignmentService {

    /** The most objectives an "expand all" opens at once; beyond it the page asks to narrow the scope. */
    public static final int EXPAND_ALL_LIMIT = 500;

    @Inject
    ReportService reports;

    /**
     * An objective as a node of the tree.
     *
     * @param orphan   an objective of a unit below the company aligned to nothing (R8 {@code ORPHAN_OBJECTIVE})
     * @param context  shown only because an objective in scope is aligned below it
     * @param children how many objectives in the view are aligned to it
     */
    public record Node(String key, String title, String unitPath, String owner, double progress, Pace pace,
                       boolean measurable, boolean orphan, boolean context, int children) implements Serializable {

        private static final long serialVersionUID = 1L;
    }

    /** A search hit: a unit (to scope the tree to) or an objective (to open the tree at). */
    public record Hit(boolean unit, String key, String label) implements Serializable {

        private static final long serialVersionUID = 1L;
    }

    /** How many objectives the view holds, how many are in scope, and how many of those are aligned to nothing. */
    public record Summary(int total, int inScope, int orphans) implements Serializable {

        private static final long serialVersionUID = 1L;
    }

    public Summary summary(String cycle, LocalDate asOf, String unit) {
        View v = view(cycle, asOf, unit);
        int orphans = 0;
        for (ObjectiveResult o : v.report.objectives()) {
            if (v.isInScope(o.key()) && isOrphan(v.report, o)) {
                orphans++;
            }
        }
        return new Summary(v.report.objectives().size(), v.inScopeCount(), orphans);
    }

    /** The tops of the view: objectives aligned to nothing in it, the cascades' first, then the orphans, in path order. */
    public List<Node> roots(String cycle, LocalDate asOf, String unit) {
        View v = view(cycle, asOf, unit);
        List<Node> cascades = new ArrayList<>();
        List<Node> orphans = new ArrayList<>();
        for (ObjectiveResult o : v.report.objectives()) {
            if (v.isVisible(o.key()) && (o.parentKey() == null || !v.isVisible(o.parentKey()))) {
                Node n = node(v, o);
                (n.orphan() ? orphans : cascades).add(n);
            }
        }
        cascades.addAll(orphans);
        return cascades;
    }

    /** The objectives of the view aligned to {@code parentKey}, in path order. */
    public List<Node> children(String cycle, LocalDate asOf, String unit, String parentKey) {
        View v = view(cycle, asOf, unit);
        List<Node> children = new ArrayList<>();
        for (ObjectiveResult o : v.report.alignedTo(parentKey)) {
            if (v.isVisible(o.key())) {
                children.add(node(v, o));
            }
        }
        return children;
    }

    /** The keys from a top of the view down to {@code key} (itself last); empty when it is not in the view. */
    public List<String> pathTo(String cycle, LocalDate asOf, String unit, String key) {
        View v = view(cycle, asOf, unit);
        if (v.report.objective(key).isEmpty() || !v.isVisible(key)) {
            return List.of();
        }
        List<String> path = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String at = key; at != null && v.isVisible(at) && seen.add(at);
             at = v.report.objective(at).map(ObjectiveResult::parentKey).orElse(null)) {
            path.add(0, at);
        }
        return path;
    }

    /** Up to {@code limit} units and objectives whose path, key or title contains {@code text} (any case), units first. */
    public List<Hit> search(String cycle, LocalDate asOf, String text, int limit) {
        CycleReport r = reports.report(cycle, asOf);
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        List<Hit> hits = new ArrayList<>();
        for (UnitResult u : r.units()) {
            if (hits.size() >= limit) {
                return hits;
            }
            if (u.path().toLowerCase(Locale.ROOT).contains(needle)) {
                hits.add(new Hit(true, u.path(), u.path()));
            }
        }
        for (ObjectiveResult o : r.objectives()) {
            if (hits.size() >= limit) {
                break;
            }
            if (o.key().toLowerCase(Locale.ROOT).contains(needle) || o.title().toLowerCase(Locale.ROOT).contains(needle)) {
                hits.add(new Hit(false, o.key(), o.key() + " · " + o.title()));
            }
        }
        return hits;
    }

    /** Whether {@code unit} is a unit of the company. */
    public boolean isUnit(String cycle, LocalDate asOf, String unit) {
        return reports.report(cycle, asOf).unit(unit).isPresent();
    }

    private Node node(View v, ObjectiveResult o) {
        int children = 0;
        for (ObjectiveResult c : v.report.alignedTo(o.key())) {
            if (v.isVisible(c.key())) {
                children++;
            }
        }
        return new Node(o.key(), o.title(), o.unitPath(), o.owner(), o.progress(), o.pace(), o.measurable(),
                isOrphan(v.report, o), !v.isInScope(o.key()), children);
    }

    private static boolean isOrphan(CycleReport r, ObjectiveResult o) {
        boolean aligned = o.parentKey() != null && r.objective(o.parentKey()).isPresent();
        return !aligned && r.unit(o.unitPath()).map(u -> u.depth() > 0).orElse(false);
    }

    /** The objectives in scope, and those visible: in scope or above one that is; without a scope, all of them. */
    private View view(String cycle, LocalDate asOf, String unit) {
        CycleReport r = reports.report(cycle, asOf);
        if (unit == null) {
            return new View(r, null, null);
        }
        Set<String> inScope = new HashSet<>();
        for (UnitResult u : r.subtree(unit, null)) {
            r.objectivesOf(u.path()).forEach(o -> inScope.add(o.key()));
        }
        Set<String> visible = new HashSet<>(inScope);
        for (String key : inScope) {
            for (String p = r.objective(key).map(ObjectiveResult::parentKey).orElse(null); p != null && visible.add(p);
                 p = r.objective(p).map(ObjectiveResult::parentKey).orElse(null)) {
                // walk up to an objective already visible
            }
        }
        return new View(r, inScope, visible);
    }

    /** A report and the keys in scope and visible in it; null sets: every objective. */
    private record View(CycleReport report, Set<String> inScope, Set<String> visible) {

        boolean isVisible(String key) {
            return visible == null || visible.contains(key);
        }

        boolean isInScope(String key) {
            return inScope == null || inScope.contains(key);
        }

        int inScopeCount() {
            return inScope == null ? report.objectives().size() : inScope.size();
        }
    }
}
