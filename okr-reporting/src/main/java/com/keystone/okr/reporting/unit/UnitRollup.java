package com.keystone.okr.reporting.unit;

import com.keystone.okr.reporting.objective.Breakdown;
import com.keystone.okr.reporting.objective.ContributorKind;
import com.keystone.okr.reporting.snapshot.ObjectiveRow;
import com.keystone.okr.reporting.snapshot.SnapshotIndex;
import com.keystone.okr.reporting.snapshot.UnitRow;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongToDoubleFunction;

/**
 * R3: a unit's progress is the weighted mean of its top-level objectives: those not aligned to
 * another objective of the same unit. An objective aligned within its unit already counts
 * through its parent, so counting it again would weigh it twice; one aligned to an ancestor
 * unit's objective is still the unit's own top-level goal. Units below do not count: their
 * progress reaches this unit only through the cascade.
 */
public final class UnitRollup {

    private UnitRollup() {
    }

    /**
     * @param objectiveProgress R2 progress of every objective of the cycle by id
     * @return the breakdown of every unit by id; {@link Breakdown#progress()} is null for a unit
     *         without a top-level objective of positive weight ("no OKRs")
     */
    public static Map<Long, Breakdown> compute(SnapshotIndex index, Map<Long, Double> objectiveProgress) {
        Map<Long, Breakdown> result = new HashMap<>();
        for (UnitRow unit : index.unitsInPathOrder()) {
            result.put(unit.id(), breakdown(index, unit.id(), objectiveProgress::get));
        }
        return result;
    }

    /** R3 for one unit: its top-level objectives, by id, each with its weight and R2 progress. */
    public static Breakdown breakdown(SnapshotIndex index, long unitId, LongToDoubleFunction objectiveProgress) {
        Breakdown.Builder b = Breakdown.builder();
        for (ObjectiveRow o : index.objectivesOf(unitId)) {
            if (isTopLevel(index, o)) {
                b.add(ContributorKind.OBJECTIVE, o.id(), o.key(), o.weight(), objectiveProgress.applyAsDouble(o.id()));
            }
        }
        return b.build();
    }

    /** R3: not aligned to another objective of the same unit. */
    public static boolean isTopLevel(SnapshotIndex index, ObjectiveRow o) {
        Long parent = index.parentOf(o); // a loop's alignments do not count (SnapshotIndex.objectivesOnLoops)
        return parent == null || index.objective(parent).unitId() != o.unitId();
    }
}
