package com.keystone.okr.reporting.objective;

import com.keystone.okr.reporting.cycle.Pace;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * An objective as of a date.
 *
 * @param parentKey    the objective it is aligned to, or null
 * @param weight       its weight in its parent and in its unit (default 1)
 * @param progress     R2, unrounded; 0 when not measurable
 * @param measurable   false when no contributor has a positive weight (R2, {@code UNMEASURABLE})
 * @param grade        R4, only for a closed cycle, else null
 * @param contributors R2 explanation: its key results, then the objectives aligned to it, by id
 */
public record ObjectiveResult(long id, String key, String title, String unitPath, String parentKey, String owner,
                              BigDecimal weight, double progress, boolean measurable, Pace pace, GradeInfo grade,
                              List<Contributor> contributors) implements Serializable {

    public ObjectiveResult {
        contributors = List.copyOf(contributors);
    }
}
