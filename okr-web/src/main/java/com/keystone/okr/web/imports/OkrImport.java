package com.keystone.okr.web.imports;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.audit.AuditSubject;
import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.reporting.support.DependencyOrder;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code okrs} import: one row per key result, the objective's columns repeated on each of
 * its rows (they must agree), a row without {@code kr_key} declaring an objective without key
 * results. Objectives and key results are matched by cycle and key, so a re-import updates them.
 *
 * <p>Rows may come in any order: all objectives of the file are created or updated first, then
 * aligned. Alignments that change are first removed and then set in row order, so the domain's
 * loop check ({@link Objective#alignTo}) sees the file's final cascade and refuses exactly the
 * alignments that close a loop, whatever the order of the rows.
 *
 * <p>An optional column missing from the header leaves the stored value as it is; a column that
 * is present but empty means "none" (no owner, no parent, no KPI link) or the default (weight 1,
 * type NUMERIC). Stored objectives and key results are only changed where the file differs, so a
 * closed cycle's OKRs can be re-imported unchanged, while a change to them is refused.
 */
final class OkrImport {

    private static final ImportKind KIND = ImportKind.OKRS;

    private final EntityManager em;
    private final ErrorList errors;

    private int created;
    private int updated;
    private final List<ImportChange> changes = new ArrayList<>();

    OkrImport(EntityManager em, ErrorList errors) {
        this.em = em;
        this.errors = errors;
    }

    /** A key within a cycle: objectives and key results are unique per cycle. */
    private record Key(String cycle, String key) {
    }

    private record Line(ImportRow row, String cycle, String unitPath, String objectiveKey, String title, String parentKey,
                        BigDecimal weight, String owner, String krKey, String krTitle, KeyResultType krType,
                        BigDecimal start, BigDecimal target, BigDecimal krWeight, String krOwner, String kpiKey) {

        Key objective() {
            return new Key(cycle, objectiveKey);
        }
    }

    /** A line with its references found. */
    private record Resolved(Line line, Cycle cycle, OrgUnit unit, Person owner, Person krOwner, Kpi kpi) {
    }

    /** An objective of the file: its first row, and the entity once created or updated (null when that failed). */
    private static final class Group {
        final Resolved first;
        Objective objective;

        Group(Resolved first) {
            this.first = first;
        }
    }

    ImportResult run(List<ImportRow> rows) {
        Set<Key> declared = new HashSet<>();
        List<Line> lines = read(rows, declared);

        Cycles cycles = Cycles.load(em);
        UnitTree units = UnitTree.load(em);
        Set<String> usernames = new HashSet<>();
        lines.forEach(l -> {
            usernames.add(l.owner());
            usernames.add(l.krOwner());
        });
        People people = People.load(em, usernames);
        Map<String, Kpi> kpis = loadKpis(lines);
        Set<Long> cycleIds = lines.stream().map(l -> cycles.find(l.cycle())).filter(Objects::nonNull)
                .map(Cycle::getId).collect(Collectors.toSet());
        Map<Key, Objective> storedObjectives = loadByKey(cycleIds,
                "select o from Objective o join fetch o.cycle where o.cycle.id in :ids", Objective.class,
                o -> new Key(o.getCycle().getName(), o.getKey()));
        Map<Key, KeyResult> storedKrs = loadByKey(cycleIds,
                "select k from KeyResult k join fetch k.cycle where k.cycle.id in :ids", KeyResult.class,
                k -> new Key(k.getCycle().getName(), k.getKey()));
        // From here on no query runs: every change below stays in memory until the last step persists.

        List<Resolved> resolved = resolve(lines, cycles, units, people, kpis);
        Map<Key, Group> groups = group(resolved);
        List<Objective> newObjectives = upsertObjectives(groups, storedObjectives, people);
        if (rows.get(0).has("parent_objective_key")) {
            align(groups, storedObjectives, declared);
        }
        List<KeyResult> newKeyResults = upsertKeyResults(resolved, groups, storedKrs, people);
        errors.throwIfAny();

        cycles.created().forEach(em::persist);
        units.created().forEach(em::persist);
        Set<Objective> fresh = new HashSet<>(newObjectives);
        DependencyOrder.of(newObjectives, o -> fresh.contains(o.getParent()) ? List.of(o.getParent()) : List.of(),
                Objective::getKey).forEach(em::persist);
        newKeyResults.forEach(em::persist);
        return new ImportResult(created, updated, 0);
    }

    /** The objectives and key results the import created or updated, in file order (after {@link #run}). */
    List<ImportChange> changes() {
        return changes;
    }

    /** Reads every row, bad ones included, so that their references are checked too. */
    private List<Line> read(List<ImportRow> rows, Set<Key> declared) {
        List<Line> lines = new ArrayList<>(rows.size());
        for (ImportRow r : rows) {
            String cycle = Cycles.normalize(r.required("cycle"));
            String unitPath = r.required("unit_path");
            String objectiveKey = r.required("objective_key");
            String title = r.required("objective");
            if (cycle != null && objectiveKey != null) {
                declared.add(new Key(cycle, objectiveKey));
            }
            String parentKey = r.text("parent_objective_key");
            BigDecimal weight = r.weight("objective_weight");
            String owner = r.username("objective_owner");
            String krKey = r.text("kr_key");
            String krTitle = r.text("key_result");
            KeyResultType krType = r.choice("kr_type", KeyResultType.class, false);
            BigDecimal start = r.decimal("start", false);
            BigDecimal target = r.decimal("target", false);
            BigDecimal krWeight = r.weight("kr_weight");
            String krOwner = r.username("kr_owner");
            String kpiKey = r.text("kpi_key");
            if (krKey == null) {
                for (String c : List.of("key_result", "kr_type", "start", "target", "kr_weight", "kr_owner", "kpi_key")) {
                    if (r.text(c) != null) {
                        r.error(c, "this row has no kr_key, so it declares objective " + objectiveKey + " without a key result:"
                                + " fill in kr_key or leave " + c + " empty");
                    }
                }
            }
            lines.add(new Line(r, cycle, unitPath, objectiveKey, title, parentKey, weight, owner, krKey, krTitle, krType,
                    start, target, krWeight, krOwner, kpiKey));
        }
        return lines;
    }

    private Map<String, Kpi> loadKpis(List<Line> lines) {
        Set<String> keys = lines.stream().map(Line::kpiKey).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, Kpi> kpis = new HashMap<>();
        Preload.inChunks(keys, chunk -> em.createQuery("select k from Kpi k where k.key in :keys", Kpi.class)
                .setParameter("keys", chunk).getResultList()).forEach(k -> kpis.put(k.getKey(), k));
        return kpis;
    }

    private <T> Map<Key, T> loadByKey(Set<Long> cycleIds, String jpql, Class<T> type, Function<T, Key> key) {
        Map<Key, T> byKey = new HashMap<>();
        Preload.inChunks(cycleIds, chunk -> em.createQuery(jpql, type).setParameter("ids", chunk).getResultList())
                .forEach(e -> byKey.put(key.apply(e), e));
        return byKey;
    }

    private List<Resolved> resolve(List<Line> lines, Cycles cycles, UnitTree units, People people, Map<String, Kpi> kpis) {
        List<Resolved> resolved = new ArrayList<>(lines.size());
        for (Line l : lines) {
            ImportRow r = l.row();
            Cycle cycle = null;
            OrgUnit unit = null;
            if (l.cycle() != null) {
                try {
                    cycle = cycles.findOrCreateQuarter(l.cycle());
                } catch (InvalidInputException e) {
                    errors.add(r.number(), e, KIND, "cycle");
                }
            }
            if (l.unitPath() != null) {
                try {
                    unit = units.resolve(l.unitPath());
                } catch (InvalidInputException e) {
                    errors.add(r.number(), e, KIND, "unit_path");
                }
            }
            Person owner = person(r, "objective_owner", l.owner(), people);
            Person krOwner = person(r, "kr_owner", l.krOwner(), people);
            Kpi kpi = null;
            if (l.kpiKey() != null) {
                kpi = kpis.get(l.kpiKey());
                if (kpi == null) {
                    r.error("kpi_key", "no KPI '" + ImportRow.abbreviate(l.kpiKey())
                            + "'; KPIs are created by the kpis import, before the OKRs that link to them");
                }
            }
            if (r.ok()) {
                resolved.add(new Resolved(l, cycle, unit, owner, krOwner, kpi));
            }
        }
        return resolved;
    }

    private static Person person(ImportRow r, String column, String username, People people) {
        if (username == null) {
            return null;
        }
        Person p = people.find(username);
        if (p == null) {
            r.error(column, People.unknown(username));
        }
        return p;
    }

    /**
     * Groups the lines by objective. A line whose objective columns disagree with the objective's
     * first line is refused and left out (from {@code resolved} too).
     */
    private Map<Key, Group> group(List<Resolved> resolved) {
        Map<Key, Group> groups = new LinkedHashMap<>();
        resolved.removeIf(r -> {
            Line l = r.line();
            Group g = groups.get(l.objective());
            if (g == null) {
                groups.put(l.objective(), new Group(r));
                return false;
            }
            Resolved f = g.first;
            boolean agree = agree(l, f, "objective", f.line().title(), l.title());
            agree &= agree(l, f, "unit_path", f.unit().getPath(), r.unit().getPath());
            agree &= agree(l, f, "parent_objective_key", f.line().parentKey(), l.parentKey());
            agree &= agree(l, f, "objective_weight", plain(f.line().weight()), plain(l.weight()));
            agree &= agree(l, f, "objective_owner", f.line().owner(), l.owner());
            return !agree;
        });
        return groups;
    }

    private static boolean agree(Line l, Resolved first, String column, String firstValue, String value) {
        if (Objects.equals(firstValue, value)) {
            return true;
        }
        l.row().error(column, "objective " + l.objectiveKey() + " has " + shown(firstValue) + " as " + column + " on row "
                + first.line().row().number() + " but " + shown(value) + " here; the objective's columns must agree on all its rows");
        return false;
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().toPlainString();
    }

    private static String shown(String v) {
        return v == null ? "nothing" : "'" + ImportRow.abbreviate(v) + "'";
    }

    private List<Objective> upsertObjectives(Map<Key, Group> groups, Map<Key, Objective> stored, People people) {
        List<Objective> fresh = new ArrayList<>();
        for (Map.Entry<Key, Group> entry : groups.entrySet()) {
            Group g = entry.getValue();
            Resolved r = g.first;
            Line l = r.line();
            ImportRow row = l.row();
            try {
                Objective o = stored.get(entry.getKey());
                if (o != null) {
                    long versionBefore = o.getVersion();
                    if (!o.getUnit().getPath().equals(r.unit().getPath())) {
                        row.error("unit_path", "objective " + l.objectiveKey() + " belongs to " + o.getUnit().getPath()
                                + "; an import cannot move it to another unit (" + r.unit().getPath() + ")");
                        continue;
                    }
                    if (!o.getTitle().equals(l.title())) {
                        o.retitle(l.title());
                    }
                    if (row.has("objective_weight") && !same(orOne(l.weight()), o.getWeight())) {
                        o.reweigh(orOne(l.weight()));
                    }
                    if (row.has("objective_owner") && !people.same(o.getOwner(), l.owner())) {
                        o.assignOwner(people.newOwner("objective_owner", l.owner(), r.owner()));
                    }
                    updated++;
                    Objective matched = o;
                    changes.add(ImportChange.matched(AuditSubject.OBJECTIVE, o.getCycle().getName() + "/" + o.getKey(),
                            versionBefore, matched::getVersion));
                } else {
                    o = new Objective(r.cycle(), l.objectiveKey(), l.title(), r.unit());
                    if (l.weight() != null) {
                        o.reweigh(l.weight());
                    }
                    if (r.owner() != null) {
                        o.assignOwner(people.newOwner("objective_owner", l.owner(), r.owner()));
                    }
                    fresh.add(o);
                    created++;
                    changes.add(ImportChange.created(AuditSubject.OBJECTIVE, o.getCycle().getName() + "/" + o.getKey()));
                }
                g.objective = o;
            } catch (InvalidInputException e) {
                errors.add(row.number(), e, KIND, "objective_key");
            }
        }
        return fresh;
    }

    private void align(Map<Key, Group> groups, Map<Key, Objective> stored, Set<Key> declared) {
        Map<Group, Objective> changes = new LinkedHashMap<>();
        for (Group g : groups.values()) {
            if (g.objective == null) {
                continue;
            }
            Line l = g.first.line();
            Objective wanted = null;
            if (l.parentKey() != null) {
                Key parentKey = new Key(l.cycle(), l.parentKey());
                Group parentGroup = groups.get(parentKey);
                wanted = parentGroup != null ? parentGroup.objective : stored.get(parentKey);
                if (wanted == null) {
                    if (parentGroup == null && !declared.contains(parentKey)) {
                        l.row().error("parent_objective_key", "no objective '" + ImportRow.abbreviate(l.parentKey()) + "' in cycle "
                                + l.cycle() + ", neither in this file nor stored");
                    }
                    continue; // else the parent's own rows are refused, and say why
                }
            }
            Objective current = g.objective.getParent();
            if (wanted == null ? current != null : !wanted.equals(current)) {
                changes.put(g, wanted);
            }
        }
        for (Group g : changes.keySet()) {
            if (g.objective.getParent() != null) {
                alignOrReport(g, null);
            }
        }
        changes.forEach((g, parent) -> {
            if (parent != null) {
                alignOrReport(g, parent);
            }
        });
    }

    private void alignOrReport(Group g, Objective parent) {
        try {
            g.objective.alignTo(parent);
        } catch (InvalidInputException e) {
            errors.add(g.first.line().row().number(), e, KIND, "parent_objective_key");
        }
    }

    private List<KeyResult> upsertKeyResults(List<Resolved> resolved, Map<Key, Group> groups, Map<Key, KeyResult> stored,
                                             People people) {
        List<KeyResult> fresh = new ArrayList<>();
        Map<Key, Integer> rowOfKr = new HashMap<>();
        for (Resolved r : resolved) {
            Line l = r.line();
            ImportRow row = l.row();
            if (l.krKey() == null) {
                continue;
            }
            Key key = new Key(l.cycle(), l.krKey());
            Integer earlier = rowOfKr.putIfAbsent(key, row.number());
            if (earlier != null) {
                row.error("kr_key", "key result " + l.krKey() + " of cycle " + l.cycle() + " is already on row " + earlier
                        + "; a key result's key is unique within its cycle");
                continue;
            }
            Objective objective = groups.get(l.objective()).objective;
            if (objective == null) {
                continue; // the objective was refused, on its first row
            }
            try {
                KeyResult kr = stored.get(key);
                if (kr != null) {
                    long versionBefore = kr.getVersion();
                    update(kr, r, objective, people);
                    updated++;
                    KeyResult matched = kr;
                    changes.add(ImportChange.matched(AuditSubject.KEY_RESULT, objective.getCycle().getName() + "/" + kr.getKey(),
                            versionBefore, matched::getVersion));
                } else {
                    kr = new KeyResult(objective, l.krKey(), l.krTitle(), l.krType() == null ? KeyResultType.NUMERIC : l.krType(),
                            l.start(), l.target());
                    if (l.krWeight() != null) {
                        kr.reweigh(l.krWeight());
                    }
                    if (r.krOwner() != null) {
                        kr.assignOwner(people.newOwner("kr_owner", l.krOwner(), r.krOwner()));
                    }
                    if (r.kpi() != null) {
                        kr.linkKpi(r.kpi());
                    }
                    fresh.add(kr);
                    created++;
                    changes.add(ImportChange.created(AuditSubject.KEY_RESULT, objective.getCycle().getName() + "/" + kr.getKey()));
                }
            } catch (InvalidInputException e) {
                errors.add(row.number(), e, KIND, "kr_key");
            }
        }
        return fresh;
    }

    private void update(KeyResult kr, Resolved r, Objective objective, People people) {
        Line l = r.line();
        ImportRow row = l.row();
        if (!kr.getObjective().equals(objective)) {
            kr.moveTo(objective);
        }
        if (row.has("key_result") && !Objects.equals(l.krTitle(), kr.getTitle())) {
            kr.retitle(l.krTitle());
        }
        KeyResultType type = row.has("kr_type") ? (l.krType() == null ? KeyResultType.NUMERIC : l.krType()) : kr.getType();
        BigDecimal start = row.has("start") ? l.start() : kr.getStartValue();
        BigDecimal target = row.has("target") ? l.target() : kr.getTargetValue();
        if (measureChanges(kr, type, start, target)) {
            kr.remeasure(type, start, target);
        }
        if (row.has("kr_weight") && !same(orOne(l.krWeight()), kr.getWeight())) {
            kr.reweigh(orOne(l.krWeight()));
        }
        if (row.has("kr_owner") && !people.same(kr.getOwner(), l.krOwner())) {
            kr.assignOwner(people.newOwner("kr_owner", l.krOwner(), r.krOwner()));
        }
        if (row.has("kpi_key") && !Objects.equals(Preload.idOf(em, kr.getKpi()), Preload.idOf(em, r.kpi()))) {
            kr.linkKpi(r.kpi());
        }
    }

    /** Whether {@link KeyResult#remeasure} would store something else (it fixes a milestone to 0..1 and a floor's start to 0). */
    private static boolean measureChanges(KeyResult kr, KeyResultType type, BigDecimal start, BigDecimal target) {
        BigDecimal s = start;
        BigDecimal t = target;
        if (type == KeyResultType.MILESTONE) {
            s = BigDecimal.ZERO;
            t = BigDecimal.ONE;
        } else if (type == KeyResultType.AT_LEAST || type == KeyResultType.AT_MOST) {
            s = start == null ? BigDecimal.ZERO : start;
        }
        return type != kr.getType() || !same(s, kr.getStartValue()) || !same(t, kr.getTargetValue());
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static BigDecimal orOne(BigDecimal weight) {
        return weight == null ? BigDecimal.ONE : weight;
    }
}
