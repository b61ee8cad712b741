package com.keystone.okr.persistence.snapshot;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.kpi.Direction;
import com.keystone.okr.domain.kpi.KpiKind;
import com.keystone.okr.domain.kpi.TimeAggregation;
import com.keystone.okr.domain.kpi.UnitAggregation;
import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.persistence.journal.ChangeKind;
import com.keystone.okr.reporting.snapshot.CheckInRow;
import com.keystone.okr.reporting.snapshot.CycleChanges;
import com.keystone.okr.reporting.snapshot.CycleInfo;
import com.keystone.okr.reporting.snapshot.CycleSnapshot;
import com.keystone.okr.reporting.snapshot.KeyResultRow;
import com.keystone.okr.reporting.snapshot.KpiRow;
import com.keystone.okr.reporting.snapshot.MeasurementRow;
import com.keystone.okr.reporting.snapshot.ObjectiveRow;
import com.keystone.okr.reporting.snapshot.UnitRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads everything the reporting engine needs for one cycle in seven set-based queries (eight when loading by name),
 * whatever the size of the company: units, objectives, key results, check-ins, KPIs, KPI
 * children and measurements, as plain rows (no entities, no lazy loading, no N+1). The same
 * queries, restricted to the ids the change journal names, read what changed for the live model.
 */
@ApplicationScoped
public class CycleSnapshotLoader {

    /** Ids per query when reading changed rows: within every database's limit on parameters. */
    private static final int CHUNK = 4096;

    @PersistenceContext(unitName = "okr")
    EntityManager em;

    public CycleSnapshotLoader() {
        // for CDI
    }

    public CycleSnapshotLoader(EntityManager em) {
        this.em = em;
    }

    /** The cycle's snapshot with every check-in and the measurements dated within the cycle. */
    public CycleSnapshot load(Cycle cycle) {
        return load(cycle, null);
    }

    /**
     * The cycle's snapshot, leaving out check-ins and measurements dated after {@code asOf}
     * (null: keep all). The engine applies the as-of rule itself; this only reads less.
     */
    public CycleSnapshot load(Cycle cycle, LocalDate asOf) {
        LocalDate upTo = asOf == null || asOf.isAfter(cycle.getEndDate()) ? cycle.getEndDate() : asOf;
        return new CycleSnapshot(info(cycle), units(null), objectives(cycle, null), keyResults(cycle, null),
                checkIns(cycle, asOf, null), kpis(null), measurements(cycle.getStartDate(), upTo, null));
    }

    /** Loads by cycle name; the cycle row itself is the first query. */
    public CycleSnapshot load(String cycleName, LocalDate asOf) {
        Cycle c = em.createQuery("select c from Cycle c where c.name = :n", Cycle.class)
                .setParameter("n", cycleName).getSingleResult();
        return load(c, asOf);
    }

    /**
     * The rows of {@code cycle} among those the change journal names, as they are now: one
     * set-based query per kind that changed (per few thousand rows), nothing for kinds that did not.
     * Rows of other cycles are left out; so are measurements dated outside the cycle. The cycle's
     * own row is read again when it changed.
     */
    public CycleChanges changes(Cycle cycle, Map<ChangeKind, Set<Long>> changed) {
        Set<Long> cycleIds = changed.getOrDefault(ChangeKind.CYCLE, Set.of());
        CycleInfo info = null;
        if (cycleIds.contains(cycle.getId())) {
            info = info(em.createQuery("select c from Cycle c where c.id = :id", Cycle.class)
                    .setParameter("id", cycle.getId()).getSingleResult());
        }
        return new CycleChanges(info,
                inChunks(changed, ChangeKind.UNIT, this::units),
                inChunks(changed, ChangeKind.OBJECTIVE, ids -> objectives(cycle, ids)),
                inChunks(changed, ChangeKind.KEY_RESULT, ids -> keyResults(cycle, ids)),
                inChunks(changed, ChangeKind.CHECK_IN, ids -> checkIns(cycle, null, ids)),
                inChunks(changed, ChangeKind.KPI, this::kpis),
                inChunks(changed, ChangeKind.MEASUREMENT, ids -> measurements(cycle.getStartDate(), cycle.getEndDate(), ids)));
    }

    private static <T> List<T> inChunks(Map<ChangeKind, Set<Long>> changed, ChangeKind kind,
                                        Function<List<Long>, List<T>> load) {
        List<Long> ids = new ArrayList<>(changed.getOrDefault(kind, Set.of()));
        List<T> rows = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            rows.addAll(load.apply(ids.subList(from, Math.min(ids.size(), from + CHUNK))));
        }
        return rows;
    }

    private static CycleInfo info(Cycle cycle) {
        return new CycleInfo(cycle.getName(), cycle.getStartDate(), cycle.getEndDate(), cycle.getState());
    }

    private List<UnitRow> units(List<Long> ids) {
        List<UnitRow> rows = new ArrayList<>();
        for (Object[] r : query("select u.id, u.path, u.parent.id, u.depth from OrgUnit u", null, "u", ids, NONE)) {
            rows.add(new UnitRow((Long) r[0], (String) r[1], (Long) r[2], (Integer) r[3]));
        }
        return rows;
    }

    private List<ObjectiveRow> objectives(Cycle cycle, List<Long> ids) {
        List<ObjectiveRow> rows = new ArrayList<>();
        for (Object[] r : query("select o.id, o.key, o.title, o.unit.id, o.parent.id, ow.username, o.weight, "
                + "o.grade.computed, o.grade.override, o.cycle.id from Objective o left join o.owner ow", "o.cycle = :c", "o",
                ids, q -> q.setParameter("c", cycle))) {
            if (cycle.getId().equals(r[9])) {
                rows.add(new ObjectiveRow((Long) r[0], (String) r[1], (String) r[2], (Long) r[3], (Long) r[4], (String) r[5],
                        (BigDecimal) r[6], (BigDecimal) r[7], (BigDecimal) r[8]));
            }
        }
        return rows;
    }

    private List<KeyResultRow> keyResults(Cycle cycle, List<Long> ids) {
        List<KeyResultRow> rows = new ArrayList<>();
        for (Object[] r : query("select k.id, k.key, k.title, k.objective.id, k.type, k.startValue, k.targetValue, "
                + "k.weight, ow.username, k.kpi.id, k.grade.computed, k.grade.override, k.cycle.id "
                + "from KeyResult k left join k.owner ow", "k.cycle = :c", "k", ids, q -> q.setParameter("c", cycle))) {
            if (cycle.getId().equals(r[12])) {
                rows.add(new KeyResultRow((Long) r[0], (String) r[1], (String) r[2], (Long) r[3], (KeyResultType) r[4],
                        (BigDecimal) r[5], (BigDecimal) r[6], (BigDecimal) r[7], (String) r[8], (Long) r[9],
                        (BigDecimal) r[10], (BigDecimal) r[11]));
            }
        }
        return rows;
    }

    private List<CheckInRow> checkIns(Cycle cycle, LocalDate asOf, List<Long> ids) {
        List<CheckInRow> rows = new ArrayList<>();
        Map<LocalDate, LocalDate> days = new HashMap<>();
        for (Object[] r : query("select c.id, c.keyResult.id, c.effectiveDate, c.value, c.confidence, c.recordedAt, "
                        + "c.keyResult.cycle.id from CheckIn c",
                "c.keyResult.cycle = :c" + (asOf == null ? "" : " and c.effectiveDate <= :d"), "c", ids, q -> {
                    q.setParameter("c", cycle);
                    if (asOf != null) {
                        q.setParameter("d", asOf);
                    }
                })) {
            LocalDate date = (LocalDate) r[2];
            if (cycle.getId().equals(r[6]) && (asOf == null || !date.isAfter(asOf))) {
                rows.add(new CheckInRow((Long) r[0], (Long) r[1], day(days, date), (BigDecimal) r[3], (Integer) r[4],
                        (Instant) r[5]));
            }
        }
        return rows;
    }

    private List<KpiRow> kpis(List<Long> ids) {
        Map<Long, List<Long>> children = new HashMap<>();
        for (Object[] r : query("select p.id, c.id from Kpi p join p.children c", null, "p", ids, NONE)) {
            children.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((Long) r[1]);
        }
        List<KpiRow> rows = new ArrayList<>();
        for (Object[] r : query("select k.id, k.key, k.name, k.unit.id, ow.username, k.direction, k.kind, k.target, "
                + "k.warning, k.timeAggregation, k.unitAggregation, k.numerator.id, k.denominator.id, k.unitOfMeasure "
                + "from Kpi k left join k.owner ow", null, "k", ids, NONE)) {
            Long id = (Long) r[0];
            rows.add(new KpiRow(id, (String) r[1], (String) r[2], (Long) r[3], (String) r[4], (Direction) r[5],
                    (KpiKind) r[6], (BigDecimal) r[7], (BigDecimal) r[8], (TimeAggregation) r[9],
                    (UnitAggregation) r[10], children.getOrDefault(id, List.of()), (Long) r[11], (Long) r[12],
                    (String) r[13]));
        }
        return rows;
    }

    private List<MeasurementRow> measurements(LocalDate from, LocalDate to, List<Long> ids) {
        List<MeasurementRow> rows = new ArrayList<>();
        if (to.isBefore(from)) {
            return rows;
        }
        Map<LocalDate, LocalDate> days = new HashMap<>();
        for (Object[] r : query("select m.kpi.id, m.date, m.value from Measurement m", "m.date >= :f and m.date <= :t", "m",
                ids, q -> q.setParameter("f", from).setParameter("t", to))) {
            LocalDate date = (LocalDate) r[1];
            if (!date.isBefore(from) && !date.isAfter(to)) {
                rows.add(new MeasurementRow((Long) r[0], day(days, date), (BigDecimal) r[2]));
            }
        }
        return rows;
    }

    /**
     * One instance per day: a cycle's million check-ins fall on a hundred days, and a live model
     * keeps them all, so each row sharing its day's object saves its own (24 bytes a row).
     */
    private static LocalDate day(Map<LocalDate, LocalDate> days, LocalDate day) {
        return days.computeIfAbsent(day, d -> d);
    }

    private static final Consumer<TypedQuery<Object[]>> NONE = q -> {
    };

    /**
     * Runs {@code select}: without {@code ids}, with the condition {@code where} (null: none) and its
     * parameters; with {@code ids}, restricted to the rows of {@code alias} of those ids alone, so
     * that the database finds them by primary key (a cycle's condition beside the ids made H2 scan
     * every check-in of the cycle against the list), and the caller checks the condition itself.
     */
    private List<Object[]> query(String select, String where, String alias, List<Long> ids,
                                 Consumer<TypedQuery<Object[]>> parameters) {
        if (ids != null) {
            return em.createQuery(select + " where " + alias + ".id in :ids", Object[].class).setParameter("ids", ids)
                    .getResultList();
        }
        TypedQuery<Object[]> q = em.createQuery(where == null ? select : select + " where " + where, Object[].class);
        parameters.accept(q);
        return q.getResultList();
    }
}
