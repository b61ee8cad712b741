package com.keystone.okr.web.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartJsonTest {

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    @Test
    void labelsThatCouldCloseTheScriptElementAreEscapedAndSurviveParsing() {
        String evil = "</script><script>alert(\"x\")</script> & 'co'";
        String json = ChartJson.line(List.of("2026-07-07", evil),
                List.of(new ChartJson.Series(evil, Arrays.asList(1.5, null), "#000", false)));
        assertFalse(json.contains("<"), json);
        assertFalse(json.contains(">"), json);
        assertFalse(json.contains("&"), json);
        JsonObject config = parse(json);
        assertEquals("line", config.getString("type"));
        assertEquals(evil, config.getJsonObject("data").getJsonArray("labels").getString(1));
        var dataset = config.getJsonObject("data").getJsonArray("datasets").getJsonObject(0);
        assertEquals(evil, dataset.getString("label"));
        assertTrue(dataset.getJsonArray("data").isNull(1), "a missing value is a gap");
        assertEquals(1.5, dataset.getJsonArray("data").getJsonNumber(0).doubleValue());
    }

    @Test
    void barAndDoughnutCarryTheirCounts() {
        JsonObject bar = parse(ChartJson.bar(List.of("Sales"),
                List.of(new ChartJson.Series("Red", List.of(2), "#f00", false)), true));
        assertEquals("bar", bar.getString("type"));
        assertEquals(2, bar.getJsonObject("data").getJsonArray("datasets").getJsonObject(0).getJsonArray("data").getInt(0));
        assertTrue(bar.getJsonObject("options").getJsonObject("scales").getJsonObject("x").getBoolean("stacked"));

        JsonObject doughnut = parse(ChartJson.doughnut(List.of("Green", "Red"), List.of(3, 1), List.of("#0f0", "#f00")));
        assertEquals("doughnut", doughnut.getString("type"));
        assertEquals(3, doughnut.getJsonObject("data").getJsonArray("datasets").getJsonObject(0).getJsonArray("data").getInt(0));
    }
}
