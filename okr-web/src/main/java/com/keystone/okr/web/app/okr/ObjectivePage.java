package com.keystone.okr.web.app.okr;

import com.keystone.okr.reporting.objective.ObjectiveResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the objective page shows, read in one go by {@link ObjectivePageService}: where the
 * objective sits in the cascade, why its progress is what it is (R2), its key results with their
 * check-ins, and its history.
 *
 * @param closed                  the cycle is closed (grades frozen, no edits)
 * @param weightTotal             R2: the sum of the weights of the contributors that count
 * @param weightedSum             R2: the sum of weight × progress of those contributors
 * @param version                 the objective's version, sent back with an edit (optimistic locking)
 * @param ownerNames              display names of the people the page names, by username
 */
public record ObjectivePage(boolean found, boolean closed, LocalDate endDate, ObjectiveResult objective,
                            ObjectiveResult parent, List<ObjectiveResult> ancestors, List<ObjectiveResult> children,
                            List<ContributorLine> contributors, double weightTotal, double weightedSum,
                            List<KeyResultView> keyResults, List<AuditLine> audit, String description, long version,
                            String objectiveOverrideReason, Map<String, String> ownerNames,
                            List<OwnerOptions.Owner> ownerOptions) {

    /** No cycle, no key, or no objective of that key in the cycle. */
    public static final ObjectivePage NOT_FOUND = new ObjectivePage(false, false, null, null, null, List.of(), List.of(),
            List.of(), 0, 0, List.of(), List.of(), null, 0, null, Map.of(), List.of());
}
