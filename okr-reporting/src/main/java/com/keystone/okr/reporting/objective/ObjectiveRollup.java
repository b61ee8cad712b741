package com.keystone.okr.reporting.objective;

import com.keystone.okr.reporting.snapshot.KeyResultRow;
import com.keystone.okr.reporting.snapshot.ObjectiveRow;
import com.keystone.okr.reporting.snapshot.SnapshotIndex;
import com.keystone.okr.reporting.support.DependencyOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongToDoubleFunction;

/**
 * R2: the cascade. An objective's progress is the weighted mean of its key results and of the
 * objectives aligned to it, which may sit in the same unit or in units below. Computed bottom-up
 * in one pass over the cascade (children before parents), so each objective is computed once
 * whatever the depth; a loop in the snapshot is reported, not followed.
 */
public final class ObjectiveRollup {

    private ObjectiveRollup() {
    }

    /**
     * @param krProgress progress of every key result of the cycle by id (R1)
     * @return the breakdown of every objective by id; {@link Breakdown#progress()} is null for an
     *         objective without a contributor of positive weight, whose progress is 0 (R2)
     */
    public static Map<Long, Breakdown> compute(SnapshotIndex index, Map<Long, Double> krProgress) {
        List<ObjectiveRow> all = new ArrayList<>(index.objectives());
        List<ObjectiveRow> order = DependencyOrder.of(all, o -> index.childrenOf(o.id()), o -> "objective " + o.key());
        Map<Long, Breakdown> result = new HashMap<>(Math.max(16, all.size() * 2));
        for (ObjectiveRow o : order) {
            result.put(o.id(), breakdown(index, o.id(), krProgress::get, child -> progress(result.get(child))));
        }
        return result;
    }

    /**
     * R2 for one objective: its key results, then the objectives aligned to it, by id, each with
     * its weight and progress; the children's progress must be known already (children first).
     */
    public static Breakdown breakdown(SnapshotIndex index, long objectiveId, LongToDoubleFunction krProgress,
                                      LongToDoubleFunction childProgress) {
        Breakdown.Builder b = Breakdown.builder();
        for (KeyResultRow kr : index.keyResultsOf(objectiveId)) {
            b.add(ContributorKind.KEY_RESULT, kr.id(), kr.key(), kr.weight(), krProgress.applyAsDouble(kr.id()));
        }
        for (ObjectiveRow child : index.childrenOf(objectiveId)) {
            b.add(ContributorKind.OBJECTIVE, child.id(), child.key(), child.weight(), childProgress.applyAsDouble(child.id()));
        }
        return b.build();
    }

    /** R2: the progress an objective shows, 0 when it has no contributor of positive weight. */
    public static double progress(Breakdown b) {
        return b.hasProgress() ? b.progress() : 0.0;
    }
}
