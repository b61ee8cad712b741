package com.keystone.okr.web.app.coach;

import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.quality.Finding;
import com.keystone.okr.web.app.coach.CoachLine.SubjectKind;
import java.util.ArrayList;
import java.util.List;

/** Turns the report's findings into coach lines, each with a link to its subject. */
final class CoachLines {

    private CoachLines() {
    }

    static List<CoachLine> of(CycleReport report) {
        List<CoachLine> lines = new ArrayList<>();
        for (Finding f : report.findings()) {
            lines.add(line(report, f));
        }
        return lines;
    }

    static CoachLine line(CycleReport report, Finding f) {
        SubjectKind kind = kindOf(report, f);
        return switch (kind) {
            case OBJECTIVE -> new CoachLine(f.code(), f.severity(), f.unitPath(), f.subject(), f, kind,
                    "/app/objective", "key", f.subject());
            case KEY_RESULT -> new CoachLine(f.code(), f.severity(), f.unitPath(), f.subject(), f, kind,
                    "/app/objective", "key",
                    report.keyResult(f.subject()).map(k -> k.objectiveKey()).orElse(f.subject()));
            case KPI -> new CoachLine(f.code(), f.severity(), f.unitPath(), f.subject(), f, kind,
                    "/app/kpis", "kpi", f.subject());
            case UNIT -> new CoachLine(f.code(), f.severity(), f.unitPath(), f.subject(), f, kind,
                    "/app/alignment", "unit", f.subject());
        };
    }

    /** R8: which findings are about what (docs/rules.md, "unit path and subject"). */
    static SubjectKind kindOf(CycleReport report, Finding f) {
        return switch (f.code()) {
            case UNMEASURABLE, TOO_MANY_KEY_RESULTS, TOO_FEW_KEY_RESULTS, ORPHAN_OBJECTIVE, ALIGNMENT_LOOP -> SubjectKind.OBJECTIVE;
            case STALE_KEY_RESULT -> SubjectKind.KEY_RESULT;
            case ORPHAN_KPI, KPI_LOOP -> SubjectKind.KPI;
            case TOO_MANY_OBJECTIVES, NO_LEADING_INDICATOR, NO_LAGGING_INDICATOR -> SubjectKind.UNIT;
            case NO_OWNER -> report.objective(f.subject()).isPresent() ? SubjectKind.OBJECTIVE
                    : report.keyResult(f.subject()).isPresent() ? SubjectKind.KEY_RESULT
                    : report.kpi(f.subject()).isPresent() ? SubjectKind.KPI : SubjectKind.UNIT;
        };
    }
}
