package com.keystone.okr.web.imports;

import java.util.Map;

/**
 * A template per kind of import, for the upload page: the header row with every column the kind
 * takes (required ones first) and one example row (made up: replace it with your own rows).
 */
public final class ImportTemplates {

    private static final Map<ImportKind, String> EXAMPLES = Map.of(
            ImportKind.OKRS, "2026-Q4,Acme/Sales,SA-1,Grow online sales 30% this quarter,,1,sales.lead,SA-1-KR1,"
                    + "Online orders per month,NUMERIC,1000,1300,1,sales.lead,",
            ImportKind.CHECKINS, "2026-Q4,SA-1-KR1,2026-11-20,1120,7,Black Friday campaign is live",
            ImportKind.KPIS, "ORDERS,Acme/Sales,Online orders,HIGHER_IS_BETTER,LAGGING,1300,1000,SUM,orders,sales.lead,,,,",
            ImportKind.MEASUREMENTS, "ORDERS,2026-11-20,42",
            ImportKind.PEOPLE, "jane.doe,Jane Doe,jane.doe@acme.example,,LEAD:Acme/Sales;MEMBER:Acme/Marketing,true");

    private ImportTemplates() {
    }

    /** The template's text: header and example row, each ending with CRLF as RFC 4180 writes them. */
    public static String of(ImportKind kind) {
        return String.join(",", kind.columns()) + "\r\n" + EXAMPLES.get(kind) + "\r\n";
    }

    /** The file name to download it as, e.g. {@code keystone-okrs-template.csv}. */
    public static String fileName(ImportKind kind) {
        return "keystone-" + kind.pathName() + "-template.csv";
    }
}
