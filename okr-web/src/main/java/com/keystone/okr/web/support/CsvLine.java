package com.keystone.okr.web.support;

import java.util.List;

/** One CSV record as the product writes them everywhere (exports, backups): RFC 4180. */
public final class CsvLine {

    private CsvLine() {
    }

    /** Fields with a comma, quote, CR or LF in quotes, quotes doubled; null is empty; the line ends with CRLF. */
    public static void append(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                csv.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(f);
            }
        }
        csv.append("\r\n");
    }
}
