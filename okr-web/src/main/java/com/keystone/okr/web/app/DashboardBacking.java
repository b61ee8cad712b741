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
import com.keystone.okr.web.ui.ViewContext;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * "My work": the key results I own with a one-click check-in, my units' objectives, the
 * company's objectives, my units' KPIs and what the OKR coach says about my units, all from the
 * engine for the session's cycle and as-of date.
 */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ReportService reports;
    @Inject
    CurrentUser user;
    @Inject
    ViewContext context;

    /** The cycle is closed: its grades are frozen and the dashboard offers no check-in. */
    private boolean closed;
    private List<KeyResultResult> myKeyResults = List.of();
    private List<ObjectiveResult> unitObjectives = List.of();
    private List<ObjectiveResult> companyObjectives = List.of();
    private List<KpiResult> unitKpis = List.of();
    private List<Finding> findings = List.of();
    private List<String> myUnits = List.of();
    private String username;

    @PostConstruct
    void load() {
        username = user.username();
        myUnits = user.unitPaths();
        String cycle = context.getCycle();
        if (cycle == null) {
            return;
        }
        // only what the page shows is kept in the view: a whole report per view would fill the heap
        CycleReport report = reports.report(cycle, context.getAsOf());
        closed = report.state() == CycleState.CLOSED;
        myKeyResults = report.keyResults().stream().filter(k -> username.equals(k.owner())).toList();
        List<ObjectiveResult> objectives = new ArrayList<>();
        List<KpiResult> kpis = new ArrayList<>();
        List<Finding> coach = new ArrayList<>();
        for (String path : myUnits) {
            objectives.addAll(report.objectivesOf(path));
            kpis.addAll(report.kpisOf(path));
            coach.addAll(report.findingsOf(path));
        }
        unitObjectives = objectives;
        unitKpis = kpis;
        findings = coach;
        companyObjectives = report.units().stream().filter(u -> u.depth() == 0).findFirst()
                .map(UnitResult::path).map(report::objectivesOf).orElse(List.of());
    }

    public boolean canCheckIn(KeyResultResult k) {
        return k.kpiKey() == null && !context.isHistory() && !closed && user.canCheckIn(k.owner(), k.unitPath());
    }

    public boolean isCycleThere() {
        return context.getCycle() != null;
    }

    public List<KeyResultResult> getMyKeyResults() {
        return myKeyResults;
    }

    public List<ObjectiveResult> getUnitObjectives() {
        return unitObjectives;
    }

    public List<ObjectiveResult> getCompanyObjectives() {
        return companyObjectives;
    }

    public List<KpiResult> getUnitKpis() {
        return unitKpis;
    }

    public List<Finding> getFindings() {
        return findings;
    }

    public List<String> getMyUnits() {
        return myUnits;
    }
}
