package com.keystone.okr.web.app.okr;

import com.keystone.okr.reporting.objective.ContributorKind;
import java.io.Serializable;

/**
 * One line of "why is this objective at 43%?" (R2): a key result or an aligned objective with its
 * weight, its progress, whether it counts (weight above 0) and its share of the objective's progress.
 */
public record ContributorLine(ContributorKind kind, String key, String title, String unitPath, double weight,
                              double progress, boolean counted, double share) implements Serializable {

    public boolean isObjective() {
        return kind == ContributorKind.OBJECTIVE;
    }
}
