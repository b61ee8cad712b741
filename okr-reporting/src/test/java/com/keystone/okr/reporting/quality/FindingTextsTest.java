package com.keystone.okr.reporting.quality;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.keystone.okr.domain.BundleParity;
import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.reporting.OkrEngine;
import com.keystone.okr.reporting.fixture.Company;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** R8: the findings read in the page's language; their English (the API's) is what it always was. */
class FindingTextsTest {

    private static final String BASE = "com/keystone/okr/reporting/quality/findings";
    private static final Locale PT_BR = Locale.forLanguageTag("pt-BR");
    private static final LocalDate AS_OF = LocalDate.parse("2026-11-15");

    @Test
    void everyEnglishTextHasAPortugueseOneWithTheSameArguments() {
        assertAll(BundleParity.checks(BASE, true));
    }

    @Test
    void everyFindingCodeHasATextOfItsOwn() {
        Properties en = BundleParity.load(BASE + ".properties");
        List<Executable> checks = new ArrayList<>();
        for (FindingCode code : FindingCode.values()) {
            checks.add(() -> assertEquals(true, en.stringPropertyNames().stream()
                    .anyMatch(k -> k.equals(code.name()) || k.startsWith(code.name() + ".")), code.name()));
        }
        assertAll(checks);
    }

    @Test
    void aFindingReadsInPortugueseForPortugueseAndInEnglishAsBefore() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("EMPTY", "Acme");

        Finding f = new OkrEngine().report(c.snapshot(), AS_OF).findings().stream()
                .filter(x -> x.code() == FindingCode.TOO_FEW_KEY_RESULTS).findFirst().orElseThrow();

        String english = "objective EMPTY has no key result: add key results until at least 2 measurable outcomes"
                + " together show it is achieved";
        assertEquals(english, f.message());
        assertEquals(english, f.message(Locale.ENGLISH));
        assertEquals("O objetivo EMPTY não tem resultado-chave: adicione resultados-chave até que pelo menos 2"
                + " resultados mensuráveis juntos mostrem que ele foi alcançado", f.message(PT_BR));
    }

    @Test
    void englishTextsAreTheOnesTheApiAlwaysGave() {
        assertAll(
                () -> assertEquals("KPI LEADS is linked to no key result of cycle 2026-Q4 and rolls into no KPI that is:"
                        + " link it to the key result it measures, or archive it if nobody uses it",
                        Finding.text("ORPHAN_KPI", "LEADS", "2026-Q4").english()),
                () -> assertEquals("Acme/Sales has 6 objectives in cycle 2026-Q4: keep the focus on at most 5 and move"
                        + " the rest to a later cycle",
                        Finding.text("TOO_MANY_OBJECTIVES", "Acme/Sales", 6, "2026-Q4", 5).english()),
                () -> assertEquals("objective CO has 1000 key results: keep the 5 that best show it is achieved and"
                        + " track the rest as tasks or KPIs",
                        Finding.text("TOO_MANY_KEY_RESULTS", "CO", 1000, 5).english()),
                () -> assertEquals("key result KR-1 has had no check-in in the last 14 days: record its current value"
                        + " (owner: ana)", Finding.text("STALE_KEY_RESULT.owner", "KR-1", 14, "ana").english()),
                () -> assertEquals("all KPIs of Acme are lagging: add a leading indicator (leads, traffic, pipeline)"
                        + " that warns before the results arrive", Finding.text("NO_LEADING_INDICATOR", "Acme").english()));
    }

    @Test
    void aFindingMadeFromEnglishOnlyStaysEnglish() {
        Finding f = new Finding(FindingCode.NO_OWNER, Severity.WARNING, "Acme", "CO", "objective CO has no owner");

        assertEquals("objective CO has no owner", f.message(PT_BR));
    }
}
