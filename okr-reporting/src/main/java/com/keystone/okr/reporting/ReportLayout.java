package com.keystone.okr.reporting;

import com.keystone.okr.reporting.snapshot.KeyResultRow;
import com.keystone.okr.reporting.snapshot.KpiRow;
import com.keystone.okr.reporting.snapshot.ObjectiveRow;
import com.keystone.okr.reporting.snapshot.SnapshotIndex;
import com.keystone.okr.reporting.snapshot.UnitRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each row sits in a {@link CycleReport}: the report order (units in path order, each
 * unit's objectives, each objective's key results, each unit's KPIs) and the lookups by key and
 * by id. It depends on the cycle's structure only, not on any figure, so every report of one
 * structure shares it: a check-in or a measurement makes a new report by copying its arrays and
 * replacing the changed entries, without building a single map.
 */
final class ReportLayout {

    final String[] unitPaths;
    final long[] unitIds;
    final long[] objectiveIds;
    final long[] keyResultIds;
    final long[] kpiIds;
    /** Unit {@code u}'s objectives are at {@code [objectivesFrom[u], objectivesFrom[u + 1])}. */
    final int[] objectivesFrom;
    /** Objective {@code o}'s key results are at {@code [keyResultsFrom[o], keyResultsFrom[o + 1])}. */
    final int[] keyResultsFrom;
    /** Unit {@code u}'s KPIs are at {@code [kpisFrom[u], kpisFrom[u + 1])}. */
    final int[] kpisFrom;

    final Map<String, Integer> unitAt;
    final Map<String, Integer> objectiveAt;
    final Map<String, Integer> keyResultAt;
    final Map<String, Integer> kpiAt;
    final Map<Long, Integer> unitById;
    final Map<Long, Integer> objectiveById;
    final Map<Long, Integer> keyResultById;
    final Map<Long, Integer> kpiById;
    /** Positions of the objectives aligned to an objective, by the parent's key, in report order. */
    final Map<String, int[]> alignedTo;

    private ReportLayout(SnapshotIndex index) {
        List<UnitRow> units = index.unitsInPathOrder();
        int nObjectives = index.objectives().size();
        int nKeyResults = index.keyResults().size();
        int nKpis = index.kpis().size();
        unitPaths = new String[units.size()];
        unitIds = new long[units.size()];
        objectiveIds = new long[nObjectives];
        keyResultIds = new long[nKeyResults];
        kpiIds = new long[nKpis];
        objectivesFrom = new int[units.size() + 1];
        keyResultsFrom = new int[nObjectives + 1];
        kpisFrom = new int[units.size() + 1];
        unitAt = new HashMap<>(units.size() * 2);
        unitById = new HashMap<>(units.size() * 2);
        objectiveAt = new HashMap<>(nObjectives * 2);
        objectiveById = new HashMap<>(nObjectives * 2);
        keyResultAt = new HashMap<>(nKeyResults * 2);
        keyResultById = new HashMap<>(nKeyResults * 2);
        kpiAt = new HashMap<>(nKpis * 2);
        kpiById = new HashMap<>(nKpis * 2);
        Map<String, List<Integer>> children = new HashMap<>();
        int o = 0;
        int k = 0;
        int m = 0;
        for (int u = 0; u < units.size(); u++) {
            UnitRow unit = units.get(u);
            unitPaths[u] = unit.path();
            unitIds[u] = unit.id();
            unitAt.putIfAbsent(unit.path(), u);
            unitById.put(unit.id(), u);
            objectivesFrom[u] = o;
            kpisFrom[u] = m;
            for (ObjectiveRow objective : index.objectivesOf(unit.id())) {
                objectiveIds[o] = objective.id();
                objectiveAt.putIfAbsent(objective.key(), o);
                objectiveById.put(objective.id(), o);
                Long parent = index.parentOf(objective);
                if (parent != null) {
                    children.computeIfAbsent(index.objective(parent).key(), x -> new ArrayList<>()).add(o);
                }
                keyResultsFrom[o] = k;
                for (KeyResultRow kr : index.keyResultsOf(objective.id())) {
                    keyResultIds[k] = kr.id();
                    keyResultAt.putIfAbsent(kr.key(), k);
                    keyResultById.put(kr.id(), k);
                    k++;
                }
                o++;
            }
            for (KpiRow kpi : index.kpisOf(unit.id())) {
                kpiIds[m] = kpi.id();
                kpiAt.putIfAbsent(kpi.key(), m);
                kpiById.put(kpi.id(), m);
                m++;
            }
        }
        objectivesFrom[units.size()] = o;
        kpisFrom[units.size()] = m;
        keyResultsFrom[nObjectives] = k;
        alignedTo = new HashMap<>(children.size() * 2);
        children.forEach((parent, at) -> alignedTo.put(parent, at.stream().mapToInt(Integer::intValue).toArray()));
    }

    static ReportLayout of(SnapshotIndex index) {
        return new ReportLayout(index);
    }
}
