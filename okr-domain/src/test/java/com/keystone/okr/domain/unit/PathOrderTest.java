package com.keystone.okr.domain.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathOrderTest {

    @Test
    void pathsSortAsTheTreeInPreOrder() {
        List<String> paths = new ArrayList<>(List.of("Acme/Sales-Ops", "Acme/Sales/Inbound", "Acme", "Acme/Sales",
                "Acme/Marketing/Content", "Acme/Marketing", "Acme/Sales/Inbound/EMEA", "Acme/Sales Team"));
        paths.sort(PathOrder.INSTANCE);
        assertEquals(List.of("Acme", "Acme/Marketing", "Acme/Marketing/Content", "Acme/Sales", "Acme/Sales/Inbound",
                "Acme/Sales/Inbound/EMEA", "Acme/Sales Team", "Acme/Sales-Ops"), paths);
    }

    @Test
    void equalPathsCompareEqual() {
        assertEquals(0, PathOrder.INSTANCE.compare("Acme/Sales", "Acme/Sales"));
    }
}
