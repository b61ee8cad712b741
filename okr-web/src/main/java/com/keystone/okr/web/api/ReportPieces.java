package com.keystone.okr.web.api;

import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.kpi.KpiResult;
import com.keystone.okr.reporting.quality.Finding;
import com.keystone.okr.reporting.unit.UnitResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The reading answers' JSON (roll-up, KPIs, findings), one piece per unit, kept while the unit's
 * figures are unchanged. A live report shares every unchanged result object with the report
 * before it, so a unit's piece is still right exactly when the objects it was written from (the
 * unit, its objectives and key results; its KPIs; its findings) are the same instances: a
 * check-in rewrites the pieces of the units it reached and copies the rest. Pieces are kept for
 * the few most recent (answer, cycle, date) triples asked for.
 * <p>
 * For a client that accepts gzip, each piece is also kept compressed: a run of raw deflate
 * blocks ended by a full flush, which leaves no reference to what came before, so such runs can
 * follow one another in any order and form one deflate stream. The answer is one gzip member: its
 * header, the runs, a final block, and the CRC-32 and length of the whole text. No byte is
 * compressed twice while its unit is unchanged, and a company's 30 MB roll-up travels as about
 * an eighth of that.
 */
@ApplicationScoped
public class ReportPieces {

    /** (cycle, date) pairs whose pieces are kept: today's and a few past dates people compare with. */
    static final int DATES = 3;

    /** (answer, cycle, date) triples whose pieces are kept: three answers of today and a few past dates. */
    static final int KEPT = 3 * DATES;

    private final Map<Key, Map<String, Piece>> byDate = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * Writes the roll-up of {@code units} (all of the report's, or a subtree) to {@code out}, as
     * gzip members when {@code gzip}.
     */
    public void write(CycleReport report, List<UnitResult> units, boolean gzip, OutputStream out) throws IOException {
        Map<String, Piece> pieces = pieces(new Key("rollup", report.cycleName(), report.asOf()));
        if (!gzip) {
            out.write(ReportJson.rollupHead(report));
            boolean first = true;
            for (UnitResult u : units) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                out.write(piece(pieces, report, u).json);
            }
            out.write(ReportJson.ROLLUP_TAIL);
            return;
        }
        CRC32 crc = new CRC32();
        long length = 0;
        out.write(GZIP_HEADER);
        byte[] head = ReportJson.rollupHead(report);
        crc.update(head);
        length += head.length;
        boolean first = true;
        for (UnitResult u : units) {
            Piece piece = piece(pieces, report, u);
            if (first) {
                out.write(deflate(false, head, piece.json));
            } else {
                out.write(piece.deflatedWithComma());
                crc.update(COMMA);
                length++;
            }
            crc.update(piece.json);
            length += piece.json.length;
            first = false;
        }
        out.write(first ? deflate(true, head, ReportJson.ROLLUP_TAIL) : deflate(true, ReportJson.ROLLUP_TAIL));
        crc.update(ReportJson.ROLLUP_TAIL);
        length += ReportJson.ROLLUP_TAIL.length;
        byte[] trailer = new byte[8];
        littleEndian(trailer, 0, crc.getValue());
        littleEndian(trailer, 4, length); // ISIZE: the length modulo 2^32
        out.write(trailer);
    }

    /** A gzip member's header: deflate, no name, no time, unknown system (RFC 1952). */
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final byte[] COMMA = {','};

    /**
     * The parts as raw deflate blocks: ended by a full flush (byte-aligned, no reference to what
     * came before, not final) unless {@code last}, when the final block ends the stream.
     */
    static byte[] deflate(boolean last, byte[]... parts) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        try {
            for (byte[] part : parts) {
                deflater.setInput(part);
                while (!deflater.needsInput()) {
                    bytes.write(buffer, 0, deflater.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH));
                }
            }
            if (last) {
                deflater.finish();
                while (!deflater.finished()) {
                    bytes.write(buffer, 0, deflater.deflate(buffer));
                }
            } else {
                int n;
                do {
                    n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
                    bytes.write(buffer, 0, n);
                } while (n == buffer.length);
            }
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    private static void littleEndian(byte[] into, int at, long value) {
        for (int i = 0; i < 4; i++) {
            into[at + i] = (byte) (value >>> (8 * i));
        }
    }

    private Map<String, Piece> pieces(Key key) {
        synchronized (byDate) {
            Map<String, Piece> pieces = byDate.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
            if (byDate.size() > KEPT) {
                byDate.remove(byDate.keySet().iterator().next());
            }
            return pieces;
        }
    }

    private static Piece piece(Map<String, Piece> pieces, CycleReport report, UnitResult unit) {
        List<Object> sources = new ArrayList<>();
        sources.add(unit);
        sources.addAll(report.objectivesOf(unit.path()));
        sources.addAll(report.keyResultsOfUnit(unit.path()));
        return piece(pieces, unit.path(), report.state().name(), sources, () -> ReportJson.rollupUnit(report, unit));
    }

    private record Key(String answer, String cycle, LocalDate asOf) {
    }

    /** The KPIs of {@code units}, in report order, as one JSON array. */
    public void writeKpis(CycleReport report, List<UnitResult> units, OutputStream out) throws IOException {
        Map<String, Piece> pieces = pieces(new Key("kpis", report.cycleName(), report.asOf()));
        writeArray(units, out, u -> {
            List<KpiResult> kpis = report.kpisOf(u.path());
            return kpis.isEmpty() ? null : piece(pieces, u.path(), "", kpis, () -> ReportJson.kpiItems(kpis));
        });
    }

    /** The findings of {@code units}, in report order, as one JSON array. */
    public void writeFindings(CycleReport report, List<UnitResult> units, OutputStream out) throws IOException {
        Map<String, Piece> pieces = pieces(new Key("findings", report.cycleName(), report.asOf()));
        writeArray(units, out, u -> {
            List<Finding> findings = report.findingsOf(u.path());
            return findings.isEmpty() ? null
                    : piece(pieces, u.path(), "", List.of(findings), () -> ReportJson.findingItems(findings));
        });
    }

    /** {@code [}, the units' non-empty pieces joined by commas, {@code ]}. */
    private static void writeArray(List<UnitResult> units, OutputStream out, Function<UnitResult, Piece> pieceOf)
            throws IOException {
        out.write('[');
        boolean first = true;
        for (UnitResult u : units) {
            Piece piece = pieceOf.apply(u);
            if (piece != null) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                out.write(piece.json);
            }
        }
        out.write(']');
    }

    /** The piece of {@code path} when it was written from these very objects, else written now and kept. */
    private static Piece piece(Map<String, Piece> pieces, String path, String state, List<?> sources,
                               Supplier<byte[]> write) {
        Piece known = pieces.get(path);
        if (known != null && known.writtenFrom(state, sources)) {
            return known;
        }
        Piece fresh = new Piece(state, List.copyOf(sources), write.get());
        pieces.put(path, fresh);
        return fresh;
    }

    /** A unit's JSON, compressed once when first asked for, and the very objects it was written from. */
    private static final class Piece {

        final String state;
        final List<?> sources;
        final byte[] json;
        private volatile byte[] deflatedWithComma;

        Piece(String state, List<?> sources, byte[] json) {
            this.state = state;
            this.sources = sources;
            this.json = json;
        }

        /** The piece as it follows another in the units array ({@code ,{...}}), as raw deflate blocks. */
        byte[] deflatedWithComma() {
            byte[] z = deflatedWithComma;
            if (z == null) {
                z = deflate(false, COMMA, json);
                deflatedWithComma = z;
            }
            return z;
        }

        /** Whether it was written in this cycle state from these very objects (the same instances, in order). */
        boolean writtenFrom(String nowState, List<?> nowSources) {
            if (!state.equals(nowState) || sources.size() != nowSources.size()) {
                return false;
            }
            for (int i = 0; i < sources.size(); i++) {
                if (sources.get(i) != nowSources.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
