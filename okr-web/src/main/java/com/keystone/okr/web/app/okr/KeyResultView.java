package com.keystone.okr.web.app.okr;

import com.keystone.okr.reporting.objective.KeyResultResult;
import java.util.List;

/**
 * A key result on the objective page: its figures from the engine, its check-ins (newest first),
 * its chart, the reason of a grade override and what the signed-in person may do with it.
 */
public record KeyResultView(KeyResultResult k, List<CheckInLine> checkIns, String chart, String overrideReason,
                            boolean checkInAllowed, boolean overrideAllowed) {

    public boolean isLinear() {
        return k.type().isLinear();
    }
}
