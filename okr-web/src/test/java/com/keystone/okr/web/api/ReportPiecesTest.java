package com.keystone.okr.web.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.LiveCycle;
import com.keystone.okr.reporting.snapshot.CheckInRow;
import com.keystone.okr.reporting.snapshot.CycleChanges;
import com.keystone.okr.reporting.snapshot.CycleInfo;
import com.keystone.okr.reporting.snapshot.CycleSnapshot;
import com.keystone.okr.reporting.snapshot.KeyResultRow;
import com.keystone.okr.reporting.snapshot.ObjectiveRow;
import com.keystone.okr.reporting.snapshot.UnitRow;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/**
 * The roll-up written in pieces: the plain text is the JSON of every unit; the gzip answer is one
 * valid gzip member (which every client decodes, curl's too) holding exactly the same text; and
 * after a check-in both show it, the pieces of the units it reached written again.
 */
class ReportPiecesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @Test
    void gzipAnswerIsOneMemberHoldingExactlyThePlainTextBeforeAndAfterACheckIn() throws Exception {
        LiveCycle live = LiveCycle.of(company(8), DAY, 0);
        ReportPieces pieces = new ReportPieces();
        CycleReport before = live.report(DAY);

        byte[] plain = write(pieces, before, before.units(), false);
        JsonObject json = Json.createReader(new StringReader(new String(plain, StandardCharsets.UTF_8))).readObject();
        assertEquals(9, json.getJsonArray("units").size(), "the company and its eight teams");
        byte[] zipped = write(pieces, before, before.units(), true);
        assertArrayEquals(plain, gunzip(zipped));
        assertOneGzipMember(zipped);
        assertArrayEquals(zipped, write(pieces, before, before.units(), true), "the same pieces again");

        live.apply(new CycleChanges(null, null, null, null, List.of(new CheckInRow(9_000, 1003, DAY, new BigDecimal("9"), 7,
                Instant.parse("2026-11-20T09:00:00Z"))), null, null), 1);
        CycleReport after = live.report(DAY);
        byte[] plainAfter = write(pieces, after, after.units(), false);
        assertFalse(Arrays.equals(plain, plainAfter), "the check-in shows");
        assertTrue(new String(plainAfter, StandardCharsets.UTF_8).contains("\"current\":9"), "the key result's new value");
        byte[] zippedAfter = write(pieces, after, after.units(), true);
        assertArrayEquals(plainAfter, gunzip(zippedAfter));
        assertOneGzipMember(zippedAfter);

        List<com.keystone.okr.reporting.unit.UnitResult> team = after.subtree("Acme/Team 3", 0);
        byte[] one = write(pieces, after, team, true);
        assertOneGzipMember(one);
        JsonObject scoped = Json.createReader(new StringReader(new String(gunzip(one), StandardCharsets.UTF_8))).readObject();
        assertEquals("Acme/Team 3", scoped.getJsonArray("units").getJsonObject(0).getString("path"));
        assertOneGzipMember(write(pieces, after, List.of(), true));
    }

    @Test
    void findingsAreTheUnitsPiecesInReportOrderWholeOrForASubtree() throws Exception {
        LiveCycle live = LiveCycle.of(company(4), DAY, 0);
        ReportPieces pieces = new ReportPieces();
        CycleReport report = live.report(DAY);
        assertFalse(report.findings().isEmpty(), "the teams' objectives are aligned to nothing: findings");
        for (int round = 0; round < 2; round++) { // written, then served from the pieces
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pieces.writeFindings(report, report.units(), out);
            jakarta.json.JsonArray all = Json.createReader(new StringReader(out.toString(StandardCharsets.UTF_8))).readArray();
            assertEquals(report.findings().size(), all.size());
            for (int i = 0; i < all.size(); i++) {
                assertEquals(report.findings().get(i).subject(), all.getJsonObject(i).getString("subject"));
                assertEquals(report.findings().get(i).code().name(), all.getJsonObject(i).getString("code"));
            }
        }
        ByteArrayOutputStream team = new ByteArrayOutputStream();
        pieces.writeFindings(report, report.subtree("Acme/Team 2", null), team);
        jakarta.json.JsonArray two = Json.createReader(new StringReader(team.toString(StandardCharsets.UTF_8))).readArray();
        assertEquals(report.findingsOf("Acme/Team 2").size(), two.size());
        assertTrue(two.getValuesAs(JsonObject.class).stream().allMatch(f -> f.getString("unitPath").equals("Acme/Team 2")));
        ByteArrayOutputStream none = new ByteArrayOutputStream();
        pieces.writeKpis(report, report.units(), none);
        assertEquals("[]", none.toString(StandardCharsets.UTF_8), "no KPI, an empty array");
    }

    @Test
    void gzipIsAcceptedWhenNamedWithoutAZeroQuality() {
        assertTrue(CycleResource.acceptsGzip("gzip"));
        assertTrue(CycleResource.acceptsGzip("deflate, gzip;q=0.8, br"));
        assertTrue(CycleResource.acceptsGzip("*"));
        assertFalse(CycleResource.acceptsGzip(null));
        assertFalse(CycleResource.acceptsGzip("identity"));
        assertFalse(CycleResource.acceptsGzip("gzip;q=0"));
        assertFalse(CycleResource.acceptsGzip("gzip; q=0.000, deflate"));
    }

    private static byte[] write(ReportPieces pieces, CycleReport report, List<com.keystone.okr.reporting.unit.UnitResult> units,
                                boolean gzip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pieces.write(report, units, gzip, out);
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] zipped) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
            return in.readAllBytes();
        }
    }

    /** One member: the header, one deflate stream that ends exactly 8 bytes (CRC-32, length) before the end. */
    private static void assertOneGzipMember(byte[] zipped) throws DataFormatException {
        assertEquals(0x1f, zipped[0] & 0xff);
        assertEquals(0x8b, zipped[1] & 0xff);
        Inflater inflater = new Inflater(true);
        inflater.setInput(zipped, 10, zipped.length - 10);
        byte[] buffer = new byte[65536];
        while (!inflater.finished()) {
            assertTrue(inflater.inflate(buffer) > 0 || inflater.finished(), "the deflate stream goes on");
        }
        assertEquals(8, inflater.getRemaining(), "after the one deflate stream, only the trailer");
        inflater.end();
    }

    /** A company of {@code teams} teams, one objective with two key results each, one check-in per key result. */
    private static CycleSnapshot company(int teams) {
        List<UnitRow> units = new ArrayList<>(List.of(new UnitRow(1, "Acme", null, 0)));
        List<ObjectiveRow> objectives = new ArrayList<>();
        List<KeyResultRow> krs = new ArrayList<>();
        List<CheckInRow> checkIns = new ArrayList<>();
        for (int t = 1; t <= teams; t++) {
            units.add(new UnitRow(1 + t, "Acme/Team " + t, 1L, 1));
            objectives.add(new ObjectiveRow(100 + t, "O-" + t, "Objective " + t, 1 + t, null, "alice", null, null, null));
            for (int k = 0; k < 2; k++) {
                long id = 1000 + t * 2L + k;
                krs.add(new KeyResultRow(id, "KR-" + t + "-" + k, "Key result", 100 + t, KeyResultType.NUMERIC, BigDecimal.ZERO,
                        BigDecimal.TEN, null, "alice", null, null, null));
                checkIns.add(new CheckInRow(id, id, DAY.minusDays(5), new BigDecimal(t), null, Instant.parse("2026-11-15T09:00:00Z")));
            }
        }
        return new CycleSnapshot(new CycleInfo("2026-Q4", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31),
                CycleState.ACTIVE), units, objectives, krs, checkIns, List.of(), List.of());
    }
}
