package com.keystone.okr.web.api;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.kpi.KpiChildValue;
import com.keystone.okr.reporting.kpi.KpiResult;
import com.keystone.okr.reporting.objective.Contributor;
import com.keystone.okr.reporting.objective.Forecast;
import com.keystone.okr.reporting.objective.GradeInfo;
import com.keystone.okr.reporting.objective.KeyResultResult;
import com.keystone.okr.reporting.objective.ObjectiveResult;
import com.keystone.okr.reporting.quality.Finding;
import com.keystone.okr.reporting.unit.UnitResult;
import com.keystone.okr.web.support.Decimals;
import com.keystone.okr.web.support.JsonBuilders;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.List;

/**
 * The JSON of the reading endpoints, built with JSON-P so that the shape is exactly the one of
 * spec/interfaces.md: nulls written where the spec shows them ({@code "progress":null} for a unit
 * without OKRs, {@code "value":null} for a KPI without data), progress unrounded, grades only on
 * a closed cycle.
 */
public final class ReportJson {

    private ReportJson() {
    }

    public static JsonObject rollup(CycleReport r) {
        boolean closed = r.state() == CycleState.CLOSED;
        JsonArrayBuilder units = JsonBuilders.array();
        for (UnitResult u : r.units()) {
            JsonArrayBuilder objectives = JsonBuilders.array();
            for (ObjectiveResult o : r.objectivesOf(u.path())) {
                objectives.add(objective(r, o, closed));
            }
            JsonObjectBuilder unit = JsonBuilders.object().add("path", u.path()).add("depth", u.depth());
            number(unit, "progress", u.progress());
            units.add(unit.add("objectives", objectives));
        }
        return JsonBuilders.object()
                .add("cycle", r.cycleName())
                .add("state", r.state().name())
                .add("asOf", r.asOf().toString())
                .add("startDate", r.startDate().toString())
                .add("endDate", r.endDate().toString())
                .add("expected", r.expected())
                .add("units", units)
                .build();
    }

    private static JsonObjectBuilder objective(CycleReport r, ObjectiveResult o, boolean closed) {
        JsonObjectBuilder b = JsonBuilders.object()
                .add("key", o.key())
                .add("title", o.title())
                .add("progress", o.progress())
                .add("pace", o.pace().name())
                .add("weight", Decimals.clean(o.weight()));
        text(b, "parent", o.parentKey());
        text(b, "owner", o.owner());
        if (closed) {
            grade(b, o.grade());
        }
        JsonArrayBuilder krs = JsonBuilders.array();
        for (KeyResultResult k : r.keyResultsOf(o.key())) {
            krs.add(keyResult(k, closed));
        }
        return b.add("keyResults", krs).add("breakdown", breakdown(o.contributors()));
    }

    public static JsonObjectBuilder keyResult(KeyResultResult k, boolean closed) {
        JsonObjectBuilder b = JsonBuilders.object()
                .add("key", k.key())
                .add("title", k.title())
                .add("type", k.type().name())
                .add("start", Decimals.clean(k.start()))
                .add("target", Decimals.clean(k.target()))
                .add("weight", Decimals.clean(k.weight()))
                .add("progress", k.progress())
                .add("current", k.current())
                .add("hasValue", k.hasValue())
                .add("pace", k.pace().name())
                .add("checkIns", k.checkInsInCycle());
        text(b, "owner", k.owner());
        text(b, "kpi", k.kpiKey());
        if (k.latestCheckIn() != null) {
            b.add("latestCheckIn", k.latestCheckIn().toString());
        }
        if (k.confidence() != null) {
            b.add("confidence", k.confidence());
        }
        Forecast f = k.forecast();
        if (f != null) {
            b.add("forecast", JsonBuilders.object().add("at", f.at().toString()).add("points", f.points())
                    .add("value", f.projectedValue()).add("progress", f.projectedProgress()));
        }
        if (closed) {
            grade(b, k.grade());
        }
        return b;
    }

    private static JsonArrayBuilder breakdown(List<Contributor> contributors) {
        JsonArrayBuilder a = JsonBuilders.array();
        for (Contributor c : contributors) {
            a.add(JsonBuilders.object().add("kind", c.kind().name()).add("key", c.key()).add("weight", c.weight())
                    .add("progress", c.progress()).add("counted", c.counted()).add("share", c.share()));
        }
        return a;
    }

    private static void grade(JsonObjectBuilder b, GradeInfo g) {
        if (g == null || g.effective() == null) {
            return;
        }
        b.add("grade", Decimals.clean(g.effective())).add("band", g.band().name());
        if (g.override() != null) {
            b.add("computedGrade", Decimals.clean(g.computed())).add("gradeOverride", Decimals.clean(g.override()));
        }
    }

    public static JsonArray kpis(CycleReport r) {
        JsonArrayBuilder a = JsonBuilders.array();
        for (KpiResult k : r.kpis()) {
            a.add(kpi(k));
        }
        return a.build();
    }

    public static JsonObjectBuilder kpi(KpiResult k) {
        JsonObjectBuilder b = JsonBuilders.object()
                .add("key", k.key())
                .add("name", k.name())
                .add("unitPath", k.unitPath());
        number(b, "value", k.value());
        b.add("status", k.status().name())
                .add("target", Decimals.clean(k.target()))
                .add("warning", Decimals.clean(k.warning()))
                .add("direction", k.direction().name())
                .add("kind", k.kind().name())
                .add("source", k.source().name())
                .add("timeAggregation", k.timeAggregation().name())
                .add("measurements", k.measurementsInPeriod());
        text(b, "owner", k.owner());
        if (k.unitAggregation() != null) {
            b.add("unitAggregation", k.unitAggregation().name());
            JsonArrayBuilder children = JsonBuilders.array();
            for (KpiChildValue c : k.children()) {
                JsonObjectBuilder cb = JsonBuilders.object().add("key", c.key());
                number(cb, "value", c.value());
                children.add(cb.add("included", c.included()));
            }
            b.add("children", children);
        }
        if (k.ratio() != null) {
            JsonObjectBuilder rb = JsonBuilders.object()
                    .add("numerator", k.ratio().numeratorKey()).add("denominator", k.ratio().denominatorKey());
            number(rb, "numeratorValue", k.ratio().numeratorValue());
            number(rb, "denominatorValue", k.ratio().denominatorValue());
            b.add("ratio", rb);
        }
        return b;
    }

    public static JsonArray findings(CycleReport r) {
        JsonArrayBuilder a = JsonBuilders.array();
        for (Finding f : r.findings()) {
            a.add(JsonBuilders.object().add("code", f.code().name()).add("severity", f.severity().name())
                    .add("unitPath", f.unitPath()).add("subject", f.subject()).add("message", f.message()));
        }
        return a.build();
    }

    private static void number(JsonObjectBuilder b, String name, Double value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value.doubleValue());
        }
    }

    private static void text(JsonObjectBuilder b, String name, String value) {
        if (value != null) {
            b.add(name, value);
        }
    }

    static JsonObjectBuilder decimal(JsonObjectBuilder b, String name, BigDecimal value) {
        return value == null ? b.addNull(name) : b.add(name, value);
    }
}
