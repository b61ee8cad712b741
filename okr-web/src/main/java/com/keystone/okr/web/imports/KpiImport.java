package com.keystone.okr.web.imports;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.audit.AuditSubject;
import com.keystone.okr.domain.kpi.Direction;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.kpi.KpiKind;
import com.keystone.okr.domain.kpi.TimeAggregation;
import com.keystone.okr.domain.kpi.UnitAggregation;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.reporting.support.DependencyOrder;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code kpis} import: one row per KPI, matched by {@code kpi_key} (a re-import redefines it).
 * A KPI either takes measurements or is computed: rolled up from {@code children} with a
 * {@code unit_aggregation}, or the ratio {@code numerator_key / denominator_key}.
 *
 * <p>References are resolved once every KPI of the file exists, so a row may name a KPI of a
 * later row, or a stored one. Computations that change are first removed and then set in row
 * order, so the domain's loop check ({@link Kpi#rollUpFrom}, {@link Kpi#ratioOf}) sees the file's
 * final graph. The four computation columns go together: when the header has none of them, stored
 * computations stay as they are; when it has any, each row says what its KPI is computed from
 * (empty: nothing, it takes measurements). Other optional columns missing from the header leave
 * stored values as they are; an empty value clears them.
 */
final class KpiImport {

    private static final ImportKind KIND = ImportKind.KPIS;
    private static final List<String> COMPUTATION = List.of("unit_aggregation", "children", "numerator_key", "denominator_key");

    private final EntityManager em;
    private final ErrorList errors;

    private int created;
    private int updated;
    private final List<ImportChange> changes = new ArrayList<>();

    KpiImport(EntityManager em, ErrorList errors) {
        this.em = em;
        this.errors = errors;
    }

    private record Line(ImportRow row, String key, String unitPath, String name, Direction direction, KpiKind kind,
                        BigDecimal target, BigDecimal warning, TimeAggregation timeAggregation, String unitOfMeasure,
                        String owner, UnitAggregation unitAggregation, List<String> children, String numeratorKey,
                        String denominatorKey) {
    }

    /** A KPI of the file, created or updated; {@code moved} when its unit changed. */
    private record Entry(Line line, Kpi kpi, boolean moved) {
    }

    /** What a KPI is computed from: a roll-up, a ratio, or nothing (it takes measurements). */
    private record Computation(UnitAggregation aggregation, List<Kpi> children, Kpi numerator, Kpi denominator) {

        static Computation of(Kpi k) {
            return new Computation(k.getUnitAggregation(), List.copyOf(k.getChildren()), k.getNumerator(), k.getDenominator());
        }

        boolean computed() {
            return aggregation != null || numerator != null;
        }

        boolean sameAs(Computation o) {
            return aggregation == o.aggregation && keys(children).equals(keys(o.children))
                    && Objects.equals(key(numerator), key(o.numerator)) && Objects.equals(key(denominator), key(o.denominator));
        }

        private static Set<String> keys(Collection<Kpi> kpis) {
            return kpis.stream().map(Kpi::getKey).collect(Collectors.toSet());
        }

        private static String key(Kpi k) {
            return k == null ? null : k.getKey();
        }
    }

    ImportResult run(List<ImportRow> rows) {
        Set<String> declared = new HashSet<>();
        List<Line> lines = read(rows, declared);

        UnitTree units = UnitTree.load(em);
        People people = People.load(em, lines.stream().map(Line::owner).collect(Collectors.toSet()));
        Map<String, Kpi> stored = new HashMap<>();
        em.createQuery("select distinct k from Kpi k left join fetch k.children", Kpi.class).getResultList()
                .forEach(k -> stored.put(k.getKey(), k));
        Set<Long> measured = measured(lines, stored);
        // From here on no query runs: every change below stays in memory until the last step persists.

        Map<String, Entry> inFile = new LinkedHashMap<>();
        List<Kpi> fresh = upsert(lines, units, people, stored, inFile);
        Set<Kpi> rolledUpNow = new HashSet<>();
        if (rows.get(0).has("unit_aggregation") || rows.get(0).has("children") || rows.get(0).has("numerator_key")
                || rows.get(0).has("denominator_key")) {
            compute(inFile, stored, declared, measured, rolledUpNow);
        }
        checkMovedRollUps(Stream.concat(stored.values().stream(), fresh.stream()).toList(), inFile, rolledUpNow);
        errors.throwIfAny();

        units.created().forEach(em::persist);
        Set<Kpi> freshSet = new HashSet<>(fresh);
        DependencyOrder.of(fresh, k -> k.references().stream().filter(freshSet::contains).toList(), Kpi::getKey)
                .forEach(em::persist);
        return new ImportResult(created, updated, 0);
    }

    /** The KPIs the import created or updated, in file order (after {@link #run}). */
    List<ImportChange> changes() {
        return changes;
    }

    /** Reads every row, bad ones included, so that their references are checked too. */
    private List<Line> read(List<ImportRow> rows, Set<String> declared) {
        List<Line> lines = new ArrayList<>(rows.size());
        Map<String, Integer> rowOfKey = new HashMap<>();
        for (ImportRow r : rows) {
            String key = r.required("kpi_key");
            if (key != null) {
                declared.add(key);
                Integer earlier = rowOfKey.putIfAbsent(key, r.number());
                if (earlier != null) {
                    r.error("kpi_key", "KPI " + ImportRow.abbreviate(key) + " is already on row " + earlier + "; a KPI's key is unique");
                }
            }
            String unitPath = r.required("unit_path");
            String name = r.required("name");
            Direction direction = r.choice("direction", Direction.class, true);
            KpiKind kind = r.choice("kind", KpiKind.class, true);
            BigDecimal target = r.decimal("target", true);
            BigDecimal warning = r.decimal("warning", true);
            TimeAggregation timeAggregation = r.choice("time_aggregation", TimeAggregation.class, true);
            String unitOfMeasure = r.text("unit_of_measure");
            String owner = r.username("owner");
            UnitAggregation unitAggregation = r.choice("unit_aggregation", UnitAggregation.class, false);
            List<String> children = splitKeys(r.text("children"));
            String numerator = r.text("numerator_key");
            String denominator = r.text("denominator_key");
            if (!children.isEmpty() && unitAggregation == null && r.text("unit_aggregation") == null) {
                r.error("unit_aggregation", "children are given, so unit_aggregation is required: how the children's values"
                        + " combine (SUM, AVG, MIN or MAX)");
            }
            if (unitAggregation != null && children.isEmpty()) {
                r.error("children", "unit_aggregation is given, so children are required: the child KPI keys, joined by ';'");
            }
            if (numerator != null && denominator == null) {
                r.error("denominator_key", "numerator_key is given, so denominator_key is required: a ratio needs both");
            }
            if (denominator != null && numerator == null) {
                r.error("numerator_key", "denominator_key is given, so numerator_key is required: a ratio needs both");
            }
            if ((!children.isEmpty() || unitAggregation != null) && (numerator != null || denominator != null)) {
                r.error("numerator_key", "a KPI is either rolled up from children or the ratio of numerator_key and"
                        + " denominator_key, not both");
            }
            lines.add(new Line(r, key, unitPath, name, direction, kind, target, warning, timeAggregation, unitOfMeasure,
                    owner, unitAggregation, children, numerator, denominator));
        }
        return lines;
    }

    private static List<String> splitKeys(String joined) {
        if (joined == null) {
            return List.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        for (String k : joined.split(";")) {
            if (!k.isBlank()) {
                keys.add(k.strip());
            }
        }
        return List.copyOf(keys);
    }

    /** The ids of the file's stored KPIs that have measurements (those cannot become computed). */
    private Set<Long> measured(List<Line> lines, Map<String, Kpi> stored) {
        Set<Long> ids = lines.stream().map(l -> stored.get(l.key())).filter(Objects::nonNull).map(Kpi::getId)
                .collect(Collectors.toSet());
        return new HashSet<>(Preload.inChunks(ids, chunk -> em.createQuery(
                        "select distinct m.kpi.id from Measurement m where m.kpi.id in :ids", Long.class)
                .setParameter("ids", chunk).getResultList()));
    }

    private List<Kpi> upsert(List<Line> lines, UnitTree units, People people, Map<String, Kpi> stored, Map<String, Entry> inFile) {
        List<Kpi> fresh = new ArrayList<>();
        for (Line l : lines) {
            ImportRow row = l.row();
            OrgUnit unit = null;
            if (l.unitPath() != null) {
                try {
                    unit = units.resolve(l.unitPath());
                } catch (InvalidInputException e) {
                    errors.add(row.number(), e, KIND, "unit_path");
                }
            }
            Person owner = null;
            if (l.owner() != null) {
                owner = people.find(l.owner());
                if (owner == null) {
                    row.error("owner", People.unknown(l.owner()));
                }
            }
            if (!row.ok()) {
                continue;
            }
            try {
                Kpi kpi = stored.get(l.key());
                boolean moved = false;
                if (kpi != null) {
                    long versionBefore = kpi.getVersion();
                    if (!kpi.getUnit().getPath().equals(unit.getPath())) {
                        kpi.moveTo(unit);
                        moved = true;
                    }
                    kpi.redefine(l.name(), l.direction(), l.kind(), l.target(), l.warning(), l.timeAggregation());
                    if (row.has("unit_of_measure") && !Objects.equals(l.unitOfMeasure(), kpi.getUnitOfMeasure())) {
                        kpi.describeUnitOfMeasure(l.unitOfMeasure());
                    }
                    if (row.has("owner") && !people.same(kpi.getOwner(), l.owner())) {
                        kpi.assignOwner(people.newOwner("owner", l.owner(), owner));
                    }
                    updated++;
                    Kpi matched = kpi;
                    changes.add(ImportChange.matched(AuditSubject.KPI, kpi.getKey(), versionBefore, matched::getVersion));
                } else {
                    kpi = new Kpi(l.key(), l.name(), unit, l.direction(), l.kind(), l.target(), l.warning(), l.timeAggregation());
                    kpi.describeUnitOfMeasure(l.unitOfMeasure());
                    kpi.assignOwner(people.newOwner("owner", l.owner(), owner));
                    fresh.add(kpi);
                    created++;
                    changes.add(ImportChange.created(AuditSubject.KPI, kpi.getKey()));
                }
                inFile.put(l.key(), new Entry(l, kpi, moved));
            } catch (InvalidInputException e) {
                errors.add(row.number(), e, KIND, "kpi_key");
            }
        }
        return fresh;
    }

    private void compute(Map<String, Entry> inFile, Map<String, Kpi> stored, Set<String> declared, Set<Long> measured,
                         Set<Kpi> rolledUpNow) {
        Map<Entry, Computation> changes = new LinkedHashMap<>();
        for (Entry entry : inFile.values()) {
            Line l = entry.line();
            List<Kpi> children = new ArrayList<>();
            boolean resolved = true;
            for (String childKey : l.children()) {
                Kpi child = find(childKey, "children", l, inFile, stored, declared);
                resolved &= child != null;
                children.add(child);
            }
            Kpi numerator = l.numeratorKey() == null ? null : find(l.numeratorKey(), "numerator_key", l, inFile, stored, declared);
            Kpi denominator = l.denominatorKey() == null ? null
                    : find(l.denominatorKey(), "denominator_key", l, inFile, stored, declared);
            resolved &= (numerator == null) == (l.numeratorKey() == null) && (denominator == null) == (l.denominatorKey() == null);
            if (!resolved) {
                continue;
            }
            Computation wanted = new Computation(l.unitAggregation(), children, numerator, denominator);
            Kpi kpi = entry.kpi();
            if (wanted.sameAs(Computation.of(kpi))) {
                continue;
            }
            if (wanted.computed() && kpi.getId() != null && measured.contains(kpi.getId())) {
                l.row().error(wanted.aggregation() != null ? "children" : "numerator_key", "KPI " + l.key()
                        + " already has measurements, so it cannot be computed from other KPIs; keep it measured,"
                        + " or define the computed KPI under a new key");
                continue;
            }
            changes.put(entry, wanted);
        }
        for (Entry entry : changes.keySet()) {
            if (entry.kpi().isComputed()) {
                entry.kpi().measureDirectly();
            }
        }
        changes.forEach((entry, wanted) -> {
            try {
                if (wanted.aggregation() != null) {
                    entry.kpi().rollUpFrom(wanted.aggregation(), wanted.children());
                    rolledUpNow.add(entry.kpi());
                } else if (wanted.numerator() != null) {
                    entry.kpi().ratioOf(wanted.numerator(), wanted.denominator());
                }
            } catch (InvalidInputException e) {
                errors.add(entry.line().row().number(), e, KIND, wanted.aggregation() != null ? "children" : "numerator_key");
            }
        });
    }

    private Kpi find(String key, String column, Line l, Map<String, Entry> inFile, Map<String, Kpi> stored, Set<String> declared) {
        Entry entry = inFile.get(key);
        Kpi kpi = entry != null ? entry.kpi() : stored.get(key);
        if (kpi == null && !declared.contains(key)) { // a KPI declared on a refused row is reported there
            l.row().error(column, "no KPI '" + ImportRow.abbreviate(key) + "', neither in this file nor stored");
        }
        return kpi;
    }

    /**
     * A roll-up's children belong to units below its own (R6). Setting a roll-up checks that; a
     * KPI that only moved to another unit is checked here, against its children and its roll-ups.
     */
    private void checkMovedRollUps(List<Kpi> all, Map<String, Entry> inFile, Set<Kpi> rolledUpNow) {
        for (Kpi parent : all) {
            if (!parent.isRollUp() || rolledUpNow.contains(parent)) {
                continue;
            }
            Entry parentEntry = inFile.get(parent.getKey());
            boolean parentMoved = parentEntry != null && parentEntry.moved();
            for (Kpi child : parent.getChildren()) {
                Entry childEntry = inFile.get(child.getKey());
                boolean childMoved = childEntry != null && childEntry.moved();
                if ((parentMoved || childMoved) && !child.getUnit().isDescendantOf(parent.getUnit())) {
                    Entry at = childMoved ? childEntry : parentEntry;
                    at.line().row().error("unit_path", "KPI " + child.getKey() + " of " + child.getUnit().getPath()
                            + " rolls up into KPI " + parent.getKey() + " of " + parent.getUnit().getPath()
                            + ": a child KPI must belong to a unit below its roll-up's unit");
                }
            }
        }
    }
}
