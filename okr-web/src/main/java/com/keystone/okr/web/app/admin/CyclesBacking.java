package com.keystone.okr.web.app.admin;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.web.cycle.CycleService;
import com.keystone.okr.web.security.CurrentUser;
import com.keystone.okr.web.ui.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;

/**
 * The cycles page: the cycles newest first, a dialog that creates one (a YYYY-Qn name derives its
 * dates), activation and closing, which freezes every grade and so asks first.
 */
@Named
@ViewScoped
public class CyclesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A cycle as the table shows it. */
    public record CycleRow(String name, LocalDate start, LocalDate end, String state, Instant closedAt) implements Serializable {

        static CycleRow of(Cycle c) {
            return new CycleRow(c.getName(), c.getStartDate(), c.getEndDate(), c.getState().name(), c.getClosedAt());
        }

        public boolean planning() {
            return "PLANNING".equals(state);
        }

        public boolean active() {
            return "ACTIVE".equals(state);
        }
    }

    @Inject
    CycleService cycles;
    @Inject
    CurrentUser user;

    private boolean allowed;
    private List<CycleRow> rows = List.of();

    private String name;
    private LocalDate start;
    private LocalDate end;
    private String closing;

    @PostConstruct
    void load() {
        allowed = user.isAdmin();
        if (allowed) {
            reload();
        }
    }

    private void reload() {
        rows = cycles.list().stream().map(CycleRow::of).toList();
    }

    public void openCreate() {
        name = null;
        start = null;
        end = null;
    }

    public void save() {
        if (!allowed) {
            return;
        }
        boolean quarter = isQuarter();
        Map<String, String> fields = new HashMap<>();
        fields.put("cycle", "cycleDialog:name");
        fields.put("start_date", quarter ? "cycleDialog:name" : "cycleDialog:start");
        fields.put("end_date", quarter ? "cycleDialog:name" : "cycleDialog:end");
        Cycle saved = Messages.attempt(() -> cycles.create(name, quarter ? null : start, quarter ? null : end), fields);
        if (saved != null) {
            Messages.info(AdminText.label("cycles.created", saved.getName()));
            reload();
            PrimeFaces.current().ajax().update("cycles");
        }
    }

    public void activate(String cycle) {
        if (!allowed) {
            return;
        }
        Cycle saved = Messages.attempt(() -> cycles.activate(cycle), Map.of());
        if (saved != null) {
            Messages.info(AdminText.label("cycles.activated", saved.getName()));
        }
        reload();
    }

    public void openClose(String cycle) {
        closing = cycle;
    }

    public void close() {
        if (!allowed || closing == null) {
            return;
        }
        Cycle saved = Messages.attempt(() -> cycles.close(closing), Map.of());
        if (saved != null) {
            Messages.info(AdminText.label("cycles.closed", saved.getName()));
        }
        closing = null;
        reload();
    }

    public boolean isAllowed() {
        return allowed;
    }

    public List<CycleRow> getRows() {
        return rows;
    }

    /** A calendar quarter's name: its dates are derived, so the dialog shows them instead of asking. */
    public boolean isQuarter() {
        return Cycle.isQuarterName(name);
    }

    public String getDerivedDates() {
        if (!isQuarter()) {
            return null;
        }
        Cycle q = Cycle.quarter(name);
        return AdminText.label("cycles.derived", q.getStartDate().toString(), q.getEndDate().toString());
    }

    public String getClosing() {
        return closing;
    }

    public String getCloseTitle() {
        return closing == null ? "" : AdminText.label("cycles.close.title", closing);
    }

    public String getCloseText() {
        return closing == null ? "" : AdminText.label("cycles.close.explain", closing);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public LocalDate getStart() {
        return start;
    }

    public void setStart(LocalDate start) {
        this.start = start;
    }

    public LocalDate getEnd() {
        return end;
    }

    public void setEnd(LocalDate end) {
        this.end = end;
    }
}
