package com.keystone.okr.web.backup;

import com.keystone.okr.persistence.backup.BackupQueries;
import com.keystone.okr.persistence.backup.BackupQueries.GradeLine;
import com.keystone.okr.web.support.CsvLine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a backup as a zip, file by file, each row as the database hands it over: nothing but
 * one row and the compressor's window is held in memory, whatever the size of the company. The
 * manifest comes last, with the number of rows each file got.
 */
final class BackupWriter {

    private final BackupQueries queries;

    BackupWriter(BackupQueries queries) {
        this.queries = queries;
    }

    /** What the manifest says besides the counts. */
    record About(String schemaVersion, Instant exportedAt, long dataVersion) {
    }

    Map<BackupFile, Long> write(OutputStream out, About about) throws IOException {
        Map<BackupFile, Long> counts = new EnumMap<>(BackupFile.class);
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        Writer text = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        for (BackupFile file : BackupFile.values()) {
            zip.putNextEntry(new ZipEntry(file.fileName()));
            Rows rows = new Rows(text, file);
            try {
                rows(file, rows);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            text.flush();
            zip.closeEntry();
            counts.put(file, rows.count);
        }
        zip.putNextEntry(new ZipEntry(BackupManifest.FILE_NAME));
        text.write(BackupManifest.json(about.schemaVersion(), about.exportedAt(), about.dataVersion(), counts));
        text.flush();
        zip.closeEntry();
        zip.finish();
        zip.flush();
        return counts;
    }

    private void rows(BackupFile file, Rows rows) {
        switch (file) {
            case UNITS -> queries.units(u -> rows.add(u.path(), u.archived()));
            case PEOPLE -> queries.people(p -> rows.add(p.username(), p.displayName(), p.email(), p.active(),
                    String.join(";", p.roles().stream().map(Enum::name).toList())));
            case MEMBERSHIPS -> queries.memberships(m -> rows.add(m.username(), m.unitPath(), m.role()));
            case CYCLES -> queries.cycles(c -> rows.add(c.name(), c.startDate(), c.endDate(), c.state(), c.closedAt()));
            case KPIS -> queries.kpis(k -> rows.add(k.key(), k.unitPath(), k.name(), k.direction(), k.kind(), k.target(),
                    k.warning(), k.timeAggregation(), k.unitOfMeasure(), k.owner(), k.unitAggregation(),
                    String.join(";", k.children()), k.numeratorKey(), k.denominatorKey()));
            case MEASUREMENTS -> queries.measurements(m -> rows.add(m.kpiKey(), m.date(), m.value(), m.recordedAt(),
                    m.recordedBy()));
            case OKRS -> queries.okrs(o -> rows.add(o.cycle(), o.unitPath(), o.objectiveKey(), o.objective(), o.parentKey(),
                    o.objectiveWeight(), o.objectiveOwner(), o.krKey(), o.keyResult(), o.krType(), o.start(), o.target(),
                    o.krWeight(), o.krOwner(), o.kpiKey(), o.description(), grade(o.objectiveGrade()),
                    grade(o.krGrade())));
            case CHECKINS -> queries.checkIns(c -> rows.add(c.cycle(), c.krKey(), c.date(), c.value(), c.confidence(),
                    c.comment(), c.recordedAt(), c.author()));
            case AUDIT -> queries.audit(a -> rows.add(a.occurredAt(), a.action(), a.subjectType(), a.subjectKey(), a.actor(),
                    a.oldValue(), a.newValue(), a.reason()));
        }
    }

    /** A grade's five columns: computed, override, reason, by, at. */
    private static Object[] grade(GradeLine g) {
        return g == null ? new Object[5] : new Object[] {g.computed(), g.override(), g.reason(), g.by(), g.at()};
    }

    /** One file's rows, written through as they come. */
    private static final class Rows {

        private final Writer out;
        private final int columns;
        private final StringBuilder line = new StringBuilder(256);
        long count;

        Rows(Writer out, BackupFile file) {
            this.out = out;
            this.columns = file.columns().size();
            CsvLine.append(line, file.columns());
            flushLine();
        }

        /** The row's values in the file's column order; an array among them stands for several columns. */
        void add(Object... values) {
            List<String> fields = new ArrayList<>(columns);
            for (Object v : values) {
                if (v instanceof Object[] several) {
                    Arrays.stream(several).map(BackupWriter::text).forEach(fields::add);
                } else {
                    fields.add(text(v));
                }
            }
            if (fields.size() != columns) {
                throw new IllegalStateException("a backup row has " + fields.size() + " fields for " + columns + " columns");
            }
            CsvLine.append(line, fields);
            flushLine();
            count++;
        }

        private void flushLine() {
            try {
                out.append(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            line.setLength(0);
        }
    }

    /** A value as a backup writes it: decimals plain and without trailing zeros, moments in UTC ISO 8601, enums by name. */
    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        return v.toString();
    }
}
