package com.keystone.okr.web.imports;

import static com.keystone.okr.web.imports.ImportFixture.csv;
import static com.keystone.okr.web.imports.ImportFixture.error;
import static com.keystone.okr.web.imports.ImportFixture.places;
import static com.keystone.okr.web.imports.OkrImportTest.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.persistence.TestDatabase.Kind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Input that could slip past the checks into the database is refused as bad input, on both databases. */
class CsvImportOddInputTest {

    private static final String LONG = "K" + "x".repeat(300);

    @ParameterizedTest
    @EnumSource(Kind.class)
    void overlongKeysAndUserNamesAreUnknownNotDatabaseErrors(Kind kind) {
        try (ImportFixture fx = ImportFixture.of(kind)) {
            fx.importing(ImportKind.KPIS, csv(KpiImportTest.HEADER, "NPS,Acme,NPS,HIGHER_IS_BETTER,LAGGING,50,30,LAST,,,,,,"));
            fx.importing(ImportKind.OKRS, csv(OkrImportTest.HEADER, row("2026-Q4", "Acme", "CO-1", "Grow", "", "", "", "KR-1", "KR", "NUMERIC", "0", "1")));

            assertEquals(List.of(error(2, "kpi_key")),
                    places(fx.rejected(ImportKind.MEASUREMENTS, csv("kpi_key,date,value", LONG + ",2026-10-01,1"))));
            assertEquals(List.of(error(2, "kr_key")),
                    places(fx.rejected(ImportKind.CHECKINS, csv("cycle,kr_key,date,value", "2026-Q4," + LONG + ",2026-10-01,1"))));
            assertEquals(List.of(error(2, "cycle")),
                    places(fx.rejected(ImportKind.CHECKINS, csv("cycle,kr_key,date,value", LONG + ",KR-1,2026-10-01,1"))));
            assertEquals(List.of(error(2, "objective_owner"), error(2, "kpi_key"), error(3, "parent_objective_key")),
                    places(fx.rejected(ImportKind.OKRS, csv(OkrImportTest.HEADER,
                            row("2026-Q4", "Acme", "CO-1", "Grow", "", "", LONG, "KR-1", "KR", "NUMERIC", "0", "1", "", "", LONG),
                            row("2026-Q4", "Acme", "CO-2", "Hire", LONG)))));
            assertEquals(List.of(error(2, "owner"), error(3, "children")), places(fx.rejected(ImportKind.KPIS, csv(KpiImportTest.HEADER,
                    "X,Acme,X,HIGHER_IS_BETTER,LAGGING,50,30,LAST,," + LONG + ",,,,",
                    "Y,Acme,Y,HIGHER_IS_BETTER,LAGGING,50,30,LAST,,,SUM," + LONG + ",,"))));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void overlongTextsAndKeysAreRefusedByTheDomainRules(Kind kind) {
        try (ImportFixture fx = ImportFixture.of(kind)) {
            assertEquals(List.of(error(2, "objective_key"), error(3, "objective"), error(4, "unit_path"), error(5, "kr_key"),
                    error(6, "key_result"), error(7, "unit_path")), places(fx.rejected(ImportKind.OKRS, csv(OkrImportTest.HEADER,
                    row("2026-Q4", "Acme", LONG, "Grow"),
                    row("2026-Q4", "Acme", "CO-2", "x".repeat(301)),
                    row("2026-Q4", "Acme/" + "u".repeat(OrgUnit.MAX_NAME + 1), "CO-3", "Grow"),
                    row("2026-Q4", "Acme", "CO-4", "Grow", "", "", "", LONG, "KR", "NUMERIC", "0", "1"),
                    row("2026-Q4", "Acme", "CO-5", "Grow", "", "", "", "KR-5", "x".repeat(301), "NUMERIC", "0", "1"),
                    row("2026-Q4", "Acme/a/" + "b/".repeat(600), "CO-6", "Grow")))));
            assertEquals(List.of(error(2, "name"), error(3, "unit_of_measure"), error(4, "kpi_key")), places(fx.rejected(ImportKind.KPIS,
                    csv(KpiImportTest.HEADER,
                            "A,Acme," + "n".repeat(201) + ",HIGHER_IS_BETTER,LAGGING,50,30,LAST,,,,,,",
                            "B,Acme,B,HIGHER_IS_BETTER,LAGGING,50,30,LAST," + "m".repeat(41) + ",,,,,",
                            "C D,Acme,C,HIGHER_IS_BETTER,LAGGING,50,30,LAST,,,,,,"))));
        }
    }
}
