package com.keystone.okr.reporting.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyOrderTest {

    @Test
    void dependenciesComeFirstAndSharedOnesOnce() {
        Map<String, List<String>> deps = Map.of("top", List.of("a", "b"), "a", List.of("leaf"), "b", List.of("leaf"),
                "leaf", List.of());
        List<String> order = DependencyOrder.of(List.of("top", "leaf"), deps::get, n -> n);
        assertEquals(List.of("leaf", "a", "b", "top"), order);
    }

    @Test
    void loopIsReported() {
        Map<String, List<String>> deps = Map.of("a", List.of("b"), "b", List.of("c"), "c", List.of("a"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DependencyOrder.of(List.of("a"), deps::get, n -> "node " + n));
        assertTrue(e.getMessage().contains("loop through node a"), e.getMessage());
    }
}
