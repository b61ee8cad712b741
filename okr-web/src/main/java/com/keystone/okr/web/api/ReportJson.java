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
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The JSON of the reading endpoints, written straight to the answer with a JSON-P generator (a
 * whole company's roll-up is tens of megabytes: built as objects first, it would be built twice),
 * in exactly the shape of docs/interfaces.md: nulls written where the spec shows them
 * ({@code "progress":null} for a unit without OKRs, {@code "value":null} for a KPI without data),
 * progress unrounded, grades only on a closed cycle. Numbers are written as JSON-P's object
 * model writes them (a double through {@link BigDecimal#valueOf(double)}), so the text is the
 * one the API always answered.
 * <p>
 * The answers are written in pieces: the roll-up's head, then one piece per unit (the unit, its
 * objectives and their key results); a unit's KPIs; a unit's findings, so that
 * {@link ReportPieces} can keep a unit's piece while its figures are unchanged.
 */
public final class ReportJson {

    private ReportJson() {
    }

    /** The roll-up's opening up to and including the units array's {@code [}. */
    static byte[] rollupHead(CycleReport r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        JsonGenerator g = JsonBuilders.generator(out);
        g.writeStartObject()
                .write("cycle", r.cycleName())
                .write("state", r.state().name())
                .write("asOf", r.asOf().toString())
                .write("startDate", r.startDate().toString())
                .write("endDate", r.endDate().toString());
        number(g, "expected", r.expected());
        g.writeStartArray("units");
        g.flush(); // left open: the units and the closing brackets follow
        return out.toByteArray();
    }

    /** The roll-up's closing, after the last unit. */
    static final byte[] ROLLUP_TAIL = {']', '}'};

    /** One unit of the roll-up: its progress, its objectives with their breakdowns and key results. */
    static byte[] rollupUnit(CycleReport r, UnitResult u) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = JsonBuilders.generator(out)) {
            boolean closed = r.state() == CycleState.CLOSED;
            g.writeStartObject().write("path", u.path()).write("depth", u.depth());
            number(g, "progress", u.progress());
            g.writeStartArray("objectives");
            for (ObjectiveResult o : r.objectivesOf(u.path())) {
                objective(g, r, o, closed);
            }
            g.writeEnd().writeEnd();
        }
        return out.toByteArray();
    }

    private static void objective(JsonGenerator g, CycleReport r, ObjectiveResult o, boolean closed) {
        g.writeStartObject()
                .write("key", o.key())
                .write("title", o.title());
        number(g, "progress", o.progress());
        g.write("pace", o.pace().name())
                .write("weight", Decimals.clean(o.weight()));
        text(g, "parent", o.parentKey());
        text(g, "owner", o.owner());
        if (closed) {
            grade(g, o.grade());
        }
        g.writeStartArray("keyResults");
        for (KeyResultResult k : r.keyResultsOf(o.key())) {
            keyResult(g, k, closed);
        }
        g.writeEnd();
        g.writeStartArray("breakdown");
        for (Contributor c : o.contributors()) {
            g.writeStartObject().write("kind", c.kind().name()).write("key", c.key());
            number(g, "weight", c.weight());
            number(g, "progress", c.progress());
            g.write("counted", c.counted());
            number(g, "share", c.share());
            g.writeEnd();
        }
        g.writeEnd().writeEnd();
    }

    private static void keyResult(JsonGenerator g, KeyResultResult k, boolean closed) {
        g.writeStartObject()
                .write("key", k.key())
                .write("title", k.title())
                .write("type", k.type().name())
                .write("start", Decimals.clean(k.start()))
                .write("target", Decimals.clean(k.target()))
                .write("weight", Decimals.clean(k.weight()));
        number(g, "progress", k.progress());
        number(g, "current", k.current());
        g.write("hasValue", k.hasValue())
                .write("pace", k.pace().name())
                .write("checkIns", k.checkInsInCycle());
        text(g, "owner", k.owner());
        text(g, "kpi", k.kpiKey());
        if (k.latestCheckIn() != null) {
            g.write("latestCheckIn", k.latestCheckIn().toString());
        }
        if (k.confidence() != null) {
            g.write("confidence", k.confidence());
        }
        Forecast f = k.forecast();
        if (f != null) {
            g.writeStartObject("forecast").write("at", f.at().toString()).write("points", f.points());
            number(g, "value", f.projectedValue());
            number(g, "progress", f.projectedProgress());
            g.writeEnd();
        }
        if (closed) {
            grade(g, k.grade());
        }
        g.writeEnd();
    }

    private static void grade(JsonGenerator g, GradeInfo grade) {
        if (grade == null || grade.effective() == null) {
            return;
        }
        g.write("grade", Decimals.clean(grade.effective())).write("band", grade.band().name());
        if (grade.override() != null) {
            g.write("computedGrade", Decimals.clean(grade.computed())).write("gradeOverride", Decimals.clean(grade.override()));
        }
    }

    /** KPIs as the items of the {@code kpis} array, joined by commas (no brackets). */
    static byte[] kpiItems(List<KpiResult> kpis) {
        return items(kpis, ReportJson::kpi);
    }

    /** Findings as the items of the {@code findings} array, joined by commas (no brackets). */
    static byte[] findingItems(List<Finding> findings) {
        return items(findings, ReportJson::finding);
    }

    private static <T> byte[] items(List<T> items, BiConsumer<JsonGenerator, T> write) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 * items.size());
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            try (JsonGenerator g = JsonBuilders.generator(out)) {
                write.accept(g, items.get(i));
            }
        }
        return out.toByteArray();
    }

    private static void kpi(JsonGenerator g, KpiResult k) {
        g.writeStartObject()
                .write("key", k.key())
                .write("name", k.name())
                .write("unitPath", k.unitPath());
        number(g, "value", k.value());
        g.write("status", k.status().name())
                .write("target", Decimals.clean(k.target()))
                .write("warning", Decimals.clean(k.warning()))
                .write("direction", k.direction().name())
                .write("kind", k.kind().name())
                .write("source", k.source().name())
                .write("timeAggregation", k.timeAggregation().name())
                .write("measurements", k.measurementsInPeriod());
        text(g, "owner", k.owner());
        text(g, "unitOfMeasure", k.unitOfMeasure());
        if (k.unitAggregation() != null) {
            g.write("unitAggregation", k.unitAggregation().name());
            g.writeStartArray("children");
            for (KpiChildValue c : k.children()) {
                g.writeStartObject().write("key", c.key());
                number(g, "value", c.value());
                g.write("included", c.included()).writeEnd();
            }
            g.writeEnd();
        }
        if (k.ratio() != null) {
            g.writeStartObject("ratio").write("numerator", k.ratio().numeratorKey())
                    .write("denominator", k.ratio().denominatorKey());
            number(g, "numeratorValue", k.ratio().numeratorValue());
            number(g, "denominatorValue", k.ratio().denominatorValue());
            g.writeEnd();
        }
        g.writeEnd();
    }

    private static void finding(JsonGenerator g, Finding f) {
        g.writeStartObject().write("code", f.code().name()).write("severity", f.severity().name())
                .write("unitPath", f.unitPath()).write("subject", f.subject()).write("message", f.message())
                .writeEnd();
    }

    /** A double as JSON-P's object model writes it; null as JSON null. */
    private static void number(JsonGenerator g, String name, Double value) {
        if (value == null) {
            g.writeNull(name);
        } else {
            g.write(name, BigDecimal.valueOf(value));
        }
    }

    private static void text(JsonGenerator g, String name, String value) {
        if (value != null) {
            g.write(name, value);
        }
    }
}
