package com.keystone.okr.web.report;

import com.keystone.okr.web.support.JsonBuilders;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringWriter;
import java.util.List;

/**
 * Chart.js configurations for {@code <p:chart value="...">}, built with JSON-P so that every label
 * (KPI names, unit paths) is escaped as JSON. PrimeFaces writes the configuration into a script
 * element as it is, so the characters that could end that element or open markup ({@code <},
 * {@code >}, {@code &}) are written as JSON unicode escapes as well.
 */
public final class ChartJson {

    /** One line or bar series; null values are gaps. {@code dashed} draws a reference line (target, warning). */
    public record Series(String label, List<? extends Number> values, String color, boolean dashed) {
    }

    private ChartJson() {
    }

    /** A line chart over the labels (e.g. week-end dates). */
    public static String line(List<String> labels, List<Series> series) {
        JsonArrayBuilder datasets = JsonBuilders.array();
        for (Series s : series) {
            JsonObjectBuilder d = dataset(s)
                    .add("fill", false)
                    .add("tension", 0.2)
                    .add("spanGaps", false)
                    .add("pointRadius", s.dashed() ? 0 : 3);
            if (s.dashed()) {
                d.add("borderDash", JsonBuilders.array().add(6).add(4));
            }
            datasets.add(d);
        }
        JsonObjectBuilder options = baseOptions()
                .add("scales", JsonBuilders.object().add("y", JsonBuilders.object().add("beginAtZero", false)));
        return write(JsonBuilders.object()
                .add("type", "line")
                .add("data", JsonBuilders.object().add("labels", strings(labels)).add("datasets", datasets))
                .add("options", options)
                .build());
    }

    /** A bar chart of whole counts; stacked puts the series of one label on top of each other. */
    public static String bar(List<String> labels, List<Series> series, boolean stacked) {
        JsonArrayBuilder datasets = JsonBuilders.array();
        for (Series s : series) {
            datasets.add(dataset(s).add("backgroundColor", s.color()));
        }
        JsonObjectBuilder axis = JsonBuilders.object().add("stacked", stacked);
        JsonObjectBuilder options = baseOptions().add("scales", JsonBuilders.object()
                .add("x", axis)
                .add("y", JsonBuilders.object().add("stacked", stacked).add("beginAtZero", true)
                        .add("ticks", JsonBuilders.object().add("precision", 0))));
        return write(JsonBuilders.object()
                .add("type", "bar")
                .add("data", JsonBuilders.object().add("labels", strings(labels)).add("datasets", datasets))
                .add("options", options)
                .build());
    }

    /** A doughnut of shares, one colour per label. */
    public static String doughnut(List<String> labels, List<? extends Number> values, List<String> colors) {
        JsonObjectBuilder dataset = JsonBuilders.object()
                .add("data", numbers(values))
                .add("backgroundColor", strings(colors));
        return write(JsonBuilders.object()
                .add("type", "doughnut")
                .add("data", JsonBuilders.object().add("labels", strings(labels))
                        .add("datasets", JsonBuilders.array().add(dataset)))
                .add("options", baseOptions())
                .build());
    }

    private static JsonObjectBuilder dataset(Series s) {
        return JsonBuilders.object()
                .add("label", s.label())
                .add("data", numbers(s.values()))
                .add("borderColor", s.color())
                .add("backgroundColor", s.color());
    }

    private static JsonObjectBuilder baseOptions() {
        return JsonBuilders.object()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add("plugins", JsonBuilders.object()
                        .add("legend", JsonBuilders.object().add("position", "bottom")));
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder a = JsonBuilders.array();
        for (String v : values) {
            if (v == null) {
                a.addNull();
            } else {
                a.add(v);
            }
        }
        return a;
    }

    private static JsonArrayBuilder numbers(List<? extends Number> values) {
        JsonArrayBuilder a = JsonBuilders.array();
        for (Number v : values) {
            if (v == null || v instanceof Double d && (d.isNaN() || d.isInfinite())) {
                a.addNull();
            } else if (v instanceof Integer || v instanceof Long) {
                a.add(v.longValue());
            } else {
                a.add(v.doubleValue());
            }
        }
        return a;
    }

    /** The JSON text, with {@code < > &} escaped so that it cannot close the script element it is written into. */
    static String write(JsonObject config) {
        StringWriter out = new StringWriter();
        try (var writer = JsonBuilders.writer(out)) {
            writer.writeObject(config);
        }
        String json = out.toString();
        StringBuilder safe = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> safe.append("\\u003c");
                case '>' -> safe.append("\\u003e");
                case '&' -> safe.append("\\u0026");
                case '\u2028' -> safe.append("\\u2028");
                case '\u2029' -> safe.append("\\u2029");
                default -> safe.append(c);
            }
        }
        return safe.toString();
    }
}
