package com.keystone.okr.web.app;

import com.keystone.okr.reporting.kpi.KpiResult;
import com.keystone.okr.reporting.objective.KeyResultResult;
import com.keystone.okr.reporting.objective.ObjectiveResult;
import com.keystone.okr.reporting.quality.Finding;
import java.util.List;

/**
 * What "My work" shows, read in one go by {@link MyWorkService}: a view keeps these rows, never
 * a whole report.
 *
 * @param closed            the cycle is closed: its grades are frozen and the page offers no check-in
 * @param myKeyResults      the key results I own, in report order
 * @param unitObjectives    the objectives of my units
 * @param companyObjectives the objectives of the company (the root unit)
 * @param unitKpis          the KPIs of my units
 * @param findings          what the OKR coach says about my units
 */
public record MyWork(boolean closed, List<KeyResultResult> myKeyResults, List<ObjectiveResult> unitObjectives,
                     List<ObjectiveResult> companyObjectives, List<KpiResult> unitKpis, List<Finding> findings) {

    public static final MyWork NONE = new MyWork(false, List.of(), List.of(), List.of(), List.of(), List.of());

    public MyWork {
        myKeyResults = List.copyOf(myKeyResults);
        unitObjectives = List.copyOf(unitObjectives);
        companyObjectives = List.copyOf(companyObjectives);
        unitKpis = List.copyOf(unitKpis);
        findings = List.copyOf(findings);
    }
}
