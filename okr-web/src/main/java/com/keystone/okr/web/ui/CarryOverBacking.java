package com.keystone.okr.web.ui;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.person.UnitRole;
import com.keystone.okr.web.cycle.CarryOverReport;
import com.keystone.okr.web.cycle.CarryOverService;
import com.keystone.okr.web.report.UnitSearch;
import com.keystone.okr.web.security.CurrentUser;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The carry-over dialog of the alignment page (leads, for their units) and of the cycles page
 * (admins, for the company): which unit, into which cycle, unfinished only; then the report of
 * {@link CarryOverService}, in the page's language.
 */
@Named
@ViewScoped
public class CarryOverBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Map<String, String> FIELDS = Map.of("to", "carry:to", "unit", "carry:unit", "cycle", "carry:to");

    @Inject
    CarryOverService carryOver;
    @Inject
    UnitSearch units;
    @Inject
    CurrentUser user;
    @Inject
    ViewContext context;

    private String from;
    private String unit;
    private String to;
    private boolean unfinishedOnly = true;
    private CarryOverReport report;

    /** Whether the person may carry anything over (a lead or an admin), and the page shows today. */
    public boolean isCanCarry() {
        return !context.isHistory() && (user.isAdmin()
                || user.memberships().stream().anyMatch(m -> m.getRole() == UnitRole.LEAD));
    }

    /** Opens the dialog for cycle {@code cycle}, proposing {@code unitPath} if the person may carry it, and the next quarter. */
    public void open(String cycle, String unitPath) {
        from = cycle;
        unit = unitPath != null && user.canWriteInPath(unitPath) ? unitPath
                : user.isAdmin() ? null : user.memberships().stream().filter(m -> m.getRole() == UnitRole.LEAD)
                .map(m -> m.getUnit().getPath()).findFirst().orElse(null);
        to = nextQuarter(cycle, context.getToday());
        unfinishedOnly = true;
        report = null;
    }

    /** The quarter after {@code cycle}: {@code 2026-Q4} → {@code 2027-Q1}; for another name, the quarter after today's. */
    static String nextQuarter(String cycle, LocalDate today) {
        LocalDate day = today;
        if (cycle != null && Cycle.isQuarterName(cycle)) {
            day = Cycle.quarter(cycle).getEndDate();
        }
        LocalDate next = day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1).plusMonths(3);
        return next.getYear() + "-Q" + ((next.getMonthValue() - 1) / 3 + 1);
    }

    public void run() {
        report = Messages.attempt(() -> carryOver.carryOver(from, to, unit, unfinishedOnly), FIELDS);
    }

    /** Unit paths containing what was typed that the person may carry over. */
    public List<String> completeUnit(String text) {
        return units.matching(from, null, text).stream().filter(user::canWriteInPath).toList();
    }

    /** A line of the report in the page's language. */
    public String say(CarryOverReport.Item item) {
        return Messages.sentence(item.text().render(Messages.locale(FacesContext.getCurrentInstance())));
    }

    public CarryOverReport getReport() {
        return report;
    }

    public String getFrom() {
        return from;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit == null || unit.isBlank() ? null : unit.strip();
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public boolean isUnfinishedOnly() {
        return unfinishedOnly;
    }

    public void setUnfinishedOnly(boolean unfinishedOnly) {
        this.unfinishedOnly = unfinishedOnly;
    }
}
