package com.keystone.okr.web.app.okr;

import com.keystone.okr.reporting.objective.Forecast;
import com.keystone.okr.web.support.JsonBuilders;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

/**
 * The Chart.js configuration of a key result's history: its check-in values over their dates, a
 * flat line at the target, and a dashed line from the last check-in to the value the forecast
 * projects for the cycle's end (R5). Built with JSON-P so that titles are escaped as JSON, and then
 * made safe inside the page's script element, where PrimeFaces writes it verbatim.
 */
final class CheckInChart {

    static final String CHECK_IN_COLOR = "#1d4ed8";
    static final String FORECAST_COLOR = "#d97706";
    static final String TARGET_COLOR = "#16a34a";

    /** The texts of the chart in the page's language. */
    record Texts(String title, String checkIns, String forecast, String target) {
    }

    private CheckInChart() {
    }

    /**
     * @param points the check-ins to draw, oldest first
     * @param target the value to reach (null: no target line)
     * @param forecast R5, or null
     */
    static String json(Texts texts, List<CheckInLine> points, BigDecimal target, Forecast forecast) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        points.forEach(p -> dates.add(p.date()));
        CheckInLine last = points.isEmpty() ? null : points.get(points.size() - 1);
        boolean withForecast = forecast != null && last != null && !forecast.at().isBefore(last.date());
        if (withForecast) {
            dates.add(forecast.at());
        }
        JsonArrayBuilder labels = JsonBuilders.array();
        dates.forEach(d -> labels.add(d.toString()));

        JsonArrayBuilder values = JsonBuilders.array();
        for (CheckInLine p : points) {
            values.add(point(p.date(), p.value()));
        }
        JsonArrayBuilder datasets = JsonBuilders.array()
                .add(dataset(texts.checkIns(), values, CHECK_IN_COLOR).add("pointRadius", 3));
        if (withForecast) {
            JsonArrayBuilder line = JsonBuilders.array()
                    .add(point(last.date(), last.value()))
                    .add(point(forecast.at(), BigDecimal.valueOf(forecast.projectedValue())));
            datasets.add(dataset(texts.forecast(), line, FORECAST_COLOR)
                    .add("borderDash", JsonBuilders.array().add(6).add(4)).add("pointRadius", 2));
        }
        if (target != null && !dates.isEmpty()) {
            JsonArrayBuilder flat = JsonBuilders.array()
                    .add(point(dates.first(), target)).add(point(dates.last(), target));
            datasets.add(dataset(texts.target(), flat, TARGET_COLOR)
                    .add("borderDash", JsonBuilders.array().add(2).add(3)).add("pointRadius", 0));
        }
        JsonObjectBuilder options = JsonBuilders.object()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add("plugins", JsonBuilders.object()
                        .add("title", JsonBuilders.object().add("display", true).add("text", texts.title()))
                        .add("legend", JsonBuilders.object().add("position", "bottom")))
                .add("scales", JsonBuilders.object()
                        .add("x", JsonBuilders.object().add("type", "category")));
        String json = JsonBuilders.object()
                .add("type", "line")
                .add("data", JsonBuilders.object().add("labels", labels).add("datasets", datasets))
                .add("options", options)
                .build().toString();
        return scriptSafe(json);
    }

    private static JsonObjectBuilder point(LocalDate date, BigDecimal value) {
        return JsonBuilders.object().add("x", date.toString()).add("y", value);
    }

    private static JsonObjectBuilder dataset(String label, JsonArrayBuilder data, String color) {
        return JsonBuilders.object().add("label", label).add("data", data)
                .add("borderColor", color).add("backgroundColor", color)
                .add("fill", false).add("tension", 0);
    }

    /**
     * JSON is valid JavaScript, but a title containing {@code </script>} or a line separator would
     * end the script it is written into: outside strings these characters never occur in JSON, so
     * escaping them everywhere changes no value.
     */
    static String scriptSafe(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
