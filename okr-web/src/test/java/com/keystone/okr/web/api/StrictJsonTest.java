package com.keystone.okr.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.web.api.ApiJson.CheckInRequest;
import com.keystone.okr.web.kpi.KpiService.KpiCommand;
import com.keystone.okr.web.person.PersonService.PersonCommand;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    private static JsonValue json(String s) {
        return Json.createReader(new StringReader(s)).readValue();
    }

    private static InvalidInputException refused(String body, Class<? extends Record> type) {
        return assertThrows(InvalidInputException.class, () -> StrictJson.bind(json(body), type), body);
    }

    @Test
    void aWellFormedBodyBindsEveryField() {
        CheckInRequest c = StrictJson.bind(json("{\"date\":\"2026-11-20\",\"value\":42.5,\"confidence\":7,\"comment\":\"ok\"}"),
                CheckInRequest.class);
        assertEquals(new CheckInRequest("2026-11-20", new BigDecimal("42.5"), 7, "ok"), c);
        CheckInRequest partial = StrictJson.bind(json("{\"date\":\"2026-11-20\",\"value\":1e3,\"confidence\":null}"),
                CheckInRequest.class);
        assertEquals(0, new BigDecimal("1000").compareTo(partial.value()));
        assertNull(partial.confidence());
        assertEquals(7, StrictJson.bind(json("{\"confidence\":7.0}"), CheckInRequest.class).confidence(),
                "7.0 is the whole number 7");
        KpiCommand k = StrictJson.bind(json("{\"key\":\"K\",\"children\":[\"A\",\"B\"],\"version\":3}"), KpiCommand.class);
        assertEquals(List.of("A", "B"), k.children());
        assertEquals(3L, k.version());
        PersonCommand p = StrictJson.bind(json("{\"username\":\"zoe\",\"active\":true,"
                + "\"memberships\":[{\"unitPath\":\"Acme\",\"role\":\"LEAD\"}]}"), PersonCommand.class);
        assertEquals("Acme", p.memberships().get(0).unitPath());
        assertEquals(Boolean.TRUE, p.active());
    }

    @Test
    void aBodyThatIsNotOneObjectIsRefused() {
        for (String body : List.of("[{\"date\":\"2026-11-20\",\"value\":1}]", "[]", "42", "\"text\"", "null", "true")) {
            InvalidInputException e = refused(body, CheckInRequest.class);
            assertNull(e.getField());
            assertTrue(e.getMessage().startsWith("The body must be one JSON object"), e.getMessage());
        }
    }

    @Test
    void anUnknownFieldIsRefusedNamingItAndTheFieldsThereAre() {
        InvalidInputException e = refused("{\"date\":\"2026-11-20\",\"value\":1,\"confidense\":7}", CheckInRequest.class);
        assertEquals("confidense", e.getField());
        assertTrue(e.getMessage().contains("date, value, confidence, comment"), e.getMessage());
        assertEquals("memberships[0].unit", refused("{\"memberships\":[{\"unit\":\"Acme\"}]}", PersonCommand.class).getField());
    }

    @Test
    void aValueOfTheWrongKindIsRefusedNamingItsField() {
        assertEquals("confidence", refused("{\"confidence\":7.5}", CheckInRequest.class).getField());
        assertEquals("confidence", refused("{\"confidence\":\"7\"}", CheckInRequest.class).getField());
        assertEquals("confidence", refused("{\"confidence\":1e10}", CheckInRequest.class).getField());
        assertEquals("confidence", refused("{\"confidence\":1e999}", CheckInRequest.class).getField());
        assertEquals("value", refused("{\"value\":\"42\"}", CheckInRequest.class).getField());
        assertEquals("value", refused("{\"value\":[1]}", CheckInRequest.class).getField());
        assertEquals("value", refused("{\"value\":true}", CheckInRequest.class).getField());
        assertEquals("date", refused("{\"date\":20261120}", CheckInRequest.class).getField());
        assertEquals("date", refused("{\"date\":{\"y\":2026}}", CheckInRequest.class).getField());
        assertEquals("children", refused("{\"children\":\"A;B\"}", KpiCommand.class).getField());
        assertEquals("children[1]", refused("{\"children\":[\"A\",2]}", KpiCommand.class).getField());
        assertEquals("active", refused("{\"active\":\"yes\"}", PersonCommand.class).getField());
        assertEquals("version", refused("{\"version\":1.5}", KpiCommand.class).getField());
        assertEquals("confidence must be a whole number, not the number 7.5.",
                refused("{\"confidence\":7.5}", CheckInRequest.class).getMessage());
    }

    @Test
    void aHugeNumberBindsAndIsLeftToTheDomainsCheckOfFigures() {
        // the shape is right; Checks.figure refuses it in the service, naming "value" (ApiIT)
        CheckInRequest c = StrictJson.bind(json("{\"value\":1e999}"), CheckInRequest.class);
        assertEquals(0, new BigDecimal("1e999").compareTo(c.value()));
    }
}
