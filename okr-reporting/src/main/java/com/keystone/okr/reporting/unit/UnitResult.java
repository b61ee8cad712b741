package com.keystone.okr.reporting.unit;

import com.keystone.okr.reporting.objective.Contributor;
import java.io.Serializable;
import java.util.List;

/**
 * An org unit in a cycle as of a date.
 *
 * @param progress     R3, unrounded; null when the unit has no top-level objective of positive weight
 *                     (shown as "no OKRs")
 * @param contributors R3 explanation: the unit's top-level objectives, weight 0 ones marked not counted
 */
public record UnitResult(long id, String path, Long parentId, int depth, Double progress,
                         List<Contributor> contributors) implements Serializable {

    public UnitResult {
        contributors = List.copyOf(contributors);
    }

    public boolean hasOkrs() {
        return progress != null;
    }
}
