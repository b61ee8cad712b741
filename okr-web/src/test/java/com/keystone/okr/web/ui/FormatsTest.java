package com.keystone.okr.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FormatsTest {

    private final Formats fmt = new Formats();

    @Test
    void aUnitPathMayWrapAfterEachSeparatorOnlyAndReadsTheSame() {
        String shown = fmt.wrappablePath("Acme/Marketing/Performance");
        assertEquals("Acme/\u200BMarketing/\u200BPerformance", shown);
        assertEquals("Acme/Marketing/Performance", shown.replace("\u200B", ""));
        assertEquals("Acme", fmt.wrappablePath("Acme"), "a one-name path has nowhere to wrap");
        assertNull(fmt.wrappablePath(null));
    }

    @Test
    void aMessageIsShownAsASentence() {
        assertEquals("Objective key is required", fmt.sentence("objective key is required"));
        assertEquals("KPI LEADS is linked to nothing", fmt.sentence("KPI LEADS is linked to nothing"));
        assertEquals("", fmt.sentence(""));
        assertNull(fmt.sentence(null));
    }
}
