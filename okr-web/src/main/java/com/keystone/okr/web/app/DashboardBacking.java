package com.keystone.okr.web.app;

import com.keystone.okr.reporting.kpi.KpiResult;
import com.keystone.okr.reporting.objective.KeyResultResult;
import com.keystone.okr.reporting.objective.ObjectiveResult;
import com.keystone.okr.reporting.quality.Finding;
import com.keystone.okr.web.security.CurrentUser;
import com.keystone.okr.web.ui.ViewContext;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * "My work": the key results I own with a one-click check-in, my units' objectives, the
 * company's objectives, my units' KPIs and what the OKR coach says about my units, for the
 * session's cycle and as-of date, read in one go by {@link MyWorkService}.
 */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MyWorkService service;
    @Inject
    CurrentUser user;
    @Inject
    ViewContext context;

    private transient MyWork work;

    @PostConstruct
    void load() {
        work = service.myWork(context.getCycle(), context.getAsOf());
    }

    /** The page's rows: read once per view, and again when the view was restored elsewhere. */
    private MyWork work() {
        if (work == null) {
            load();
        }
        return work;
    }

    public boolean canCheckIn(KeyResultResult k) {
        return k.kpiKey() == null && !context.isHistory() && !work().closed() && user.canCheckIn(k.owner(), k.unitPath());
    }

    public boolean isCycleThere() {
        return context.getCycle() != null;
    }

    public List<KeyResultResult> getMyKeyResults() {
        return work().myKeyResults();
    }

    public List<ObjectiveResult> getUnitObjectives() {
        return work().unitObjectives();
    }

    public List<ObjectiveResult> getCompanyObjectives() {
        return work().companyObjectives();
    }

    public List<KpiResult> getUnitKpis() {
        return work().unitKpis();
    }

    public List<Finding> getFindings() {
        return work().findings();
    }

    public List<String> getMyUnits() {
        return user.unitPaths();
    }
}
