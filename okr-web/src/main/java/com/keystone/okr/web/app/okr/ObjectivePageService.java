package com.keystone.okr.web.app.okr;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.domain.objective.CheckIn;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.persistence.objective.CheckInRepository;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.objective.Contributor;
import com.keystone.okr.reporting.objective.ContributorKind;
import com.keystone.okr.reporting.objective.KeyResultResult;
import com.keystone.okr.reporting.objective.ObjectiveResult;
import com.keystone.okr.web.objective.OkrService;
import com.keystone.okr.web.report.ReportService;
import com.keystone.okr.web.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The objective page's one read: the objective's figures from the live model (one report), and
 * in one transaction what only the database has (description, version, override reasons, every
 * key result's check-ins with their comments in one query, the history).
 */
@ApplicationScoped
@Transactional
public class ObjectivePageService {

    @Inject
    ReportService reports;
    @Inject
    OkrService okr;
    @Inject
    CheckInRepository checkIns;
    @Inject
    ObjectiveAudit audit;
    @Inject
    OwnerOptions owners;
    @Inject
    CurrentUser user;

    /** The page of objective {@code key} of the cycle as of {@code asOf} (null: today, where check-ins may be made). */
    public ObjectivePage page(String cycle, LocalDate asOf, String key) {
        if (cycle == null || key == null || key.isBlank()) {
            return ObjectivePage.NOT_FOUND;
        }
        CycleReport report = reports.report(cycle, asOf);
        ObjectiveResult o = report.objective(key).orElse(null);
        if (o == null) {
            return ObjectivePage.NOT_FOUND;
        }
        boolean closed = report.state() == CycleState.CLOSED;
        boolean history = asOf != null;
        ObjectiveResult parent = o.parentKey() == null ? null : report.objective(o.parentKey()).orElse(null);
        List<ObjectiveResult> chain = new ArrayList<>();
        for (ObjectiveResult a = parent; a != null && chain.size() < 50;
             a = a.parentKey() == null ? null : report.objective(a.parentKey()).orElse(null)) {
            chain.add(a);
        }
        Collections.reverse(chain);
        double weightTotal = 0;
        double weightedSum = 0;
        for (Contributor c : o.contributors()) {
            if (c.counted()) {
                weightTotal += c.weight();
                weightedSum += c.weight() * c.progress();
            }
        }

        Objective entity = okr.objective(cycle, key);
        List<KeyResult> krEntities = okr.keyResultsOf(entity);
        Map<String, KeyResult> byKey = new HashMap<>();
        krEntities.forEach(kr -> byKey.put(kr.getKey(), kr));
        Map<Long, List<CheckIn>> checkInsByKr = checkIns.historyOf(krEntities);
        List<KeyResultView> krs = new ArrayList<>();
        List<String> krKeys = new ArrayList<>();
        for (KeyResultResult k : report.keyResultsOf(o.key())) {
            krKeys.add(k.key());
            KeyResult kr = byKey.get(k.key());
            List<CheckInLine> lines = new ArrayList<>();
            for (CheckIn c : kr == null ? List.<CheckIn>of() : checkInsByKr.getOrDefault(kr.getId(), List.of())) {
                if (!c.getEffectiveDate().isAfter(report.asOf())) {
                    lines.add(new CheckInLine(c.getEffectiveDate(), c.getValue().stripTrailingZeros(), c.getConfidence(),
                            c.getComment(), c.getAuthor(), c.getRecordedAt()));
                }
            }
            String chart = lines.isEmpty() ? null : CheckInChart.json(
                    new CheckInChart.Texts(k.key() + " · " + k.title(), OkrLabels.get("chart.checkIns"),
                            OkrLabels.get("chart.forecast"), OkrLabels.get("chart.target")),
                    lines, k.type() == KeyResultType.MILESTONE ? BigDecimal.ONE : k.target(), k.forecast());
            List<CheckInLine> newestFirst = new ArrayList<>(lines);
            Collections.reverse(newestFirst);
            String reason = closed && kr != null ? kr.getGrade().getOverrideReason() : null;
            krs.add(new KeyResultView(k, newestFirst, chart, reason,
                    k.kpiKey() == null && !history && !closed && user.canCheckIn(k.owner(), k.unitPath()),
                    mayOverride(closed, history, k.owner(), k.unitPath(), k.grade() != null)));
        }
        List<OwnerOptions.Owner> ownerOptions = owners.active();
        Map<String, String> names = new HashMap<>();
        ownerOptions.forEach(w -> names.put(w.username(), w.displayName()));
        return new ObjectivePage(true, closed, report.endDate(), o, parent, chain, report.alignedTo(o.key()),
                contributors(report, o), weightTotal, weightedSum, krs, audit.about(cycle, o.key(), krKeys),
                entity.getDescription(), entity.getVersion(), entity.getGrade().getOverrideReason(), names, ownerOptions);
    }

    /** R4: the owner's lead (never the owner) or an admin, on a graded subject of a closed cycle, looking at today. */
    public boolean mayOverride(boolean closed, boolean history, String owner, String unitPath, boolean graded) {
        return closed && graded && !history && user.canWriteInPath(unitPath)
                && (user.isAdmin() || owner == null || !owner.equals(user.username()));
    }

    private static List<ContributorLine> contributors(CycleReport report, ObjectiveResult o) {
        List<ContributorLine> lines = new ArrayList<>();
        for (Contributor c : o.contributors()) {
            String title;
            String unitPath = null;
            if (c.kind() == ContributorKind.KEY_RESULT) {
                title = report.keyResult(c.key()).map(KeyResultResult::title).orElse("");
            } else {
                ObjectiveResult child = report.objective(c.key()).orElse(null);
                title = child == null ? "" : child.title();
                unitPath = child == null ? null : child.unitPath();
            }
            lines.add(new ContributorLine(c.kind(), c.key(), title, unitPath, c.weight(), c.progress(), c.counted(), c.share()));
        }
        return lines;
    }
}
