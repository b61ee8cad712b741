package com.keystone.okr.web.app;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.kpi.KpiResult;
import com.keystone.okr.reporting.objective.KeyResultResult;
import com.keystone.okr.reporting.objective.ObjectiveResult;
import com.keystone.okr.reporting.quality.Finding;
import com.keystone.okr.reporting.unit.UnitResult;
import com.keystone.okr.web.report.ReportService;
import com.keystone.okr.web.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The "My work" page's one read: from one report of the live model, the signed-in person's key
 * results and their units' objectives, KPIs and findings. Each unit's rows are one run of the
 * report's order, so the cost is what the page shows plus one pass over the key results for the
 * owner.
 */
@ApplicationScoped
public class MyWorkService {

    @Inject
    ReportService reports;
    @Inject
    CurrentUser user;

    public MyWork myWork(String cycle, LocalDate asOf) {
        if (cycle == null) {
            return MyWork.NONE;
        }
        CycleReport report = reports.report(cycle, asOf);
        String username = user.username();
        List<KeyResultResult> mine = new ArrayList<>();
        for (KeyResultResult k : report.keyResults()) {
            if (username.equals(k.owner())) {
                mine.add(k);
            }
        }
        List<ObjectiveResult> objectives = new ArrayList<>();
        List<KpiResult> kpis = new ArrayList<>();
        List<Finding> coach = new ArrayList<>();
        for (String path : user.unitPaths()) {
            objectives.addAll(report.objectivesOf(path));
            kpis.addAll(report.kpisOf(path));
            coach.addAll(report.findingsOf(path));
        }
        List<UnitResult> units = report.units();
        List<ObjectiveResult> company = units.isEmpty() ? List.of() : report.objectivesOf(units.get(0).path());
        return new MyWork(report.state() == CycleState.CLOSED, mine, objectives, company, kpis, coach);
    }
}
