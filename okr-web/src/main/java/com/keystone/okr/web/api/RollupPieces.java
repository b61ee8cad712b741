package com.keystone.okr.web.api;

import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.objective.KeyResultResult;
import com.keystone.okr.reporting.objective.ObjectiveResult;
import com.keystone.okr.reporting.unit.UnitResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The roll-up's JSON, one piece per unit, kept while the unit's figures are unchanged. A live
 * report shares every unchanged result object with the report before it, so a unit's piece is
 * still right exactly when its unit, objective and key result objects are the same instances it
 * was written from: a check-in rewrites the pieces of the units it reached and copies the rest.
 * Pieces are kept for the few most recent (cycle, date) pairs asked for.
 */
@ApplicationScoped
public class RollupPieces {

    /** (cycle, date) pairs whose pieces are kept: today's and a few past dates people compare with. */
    static final int DATES = 3;

    private final Map<Key, Map<String, Piece>> byDate = new LinkedHashMap<>(8, 0.75f, true);

    /** Writes the roll-up of {@code units} (all of the report's, or a subtree) to {@code out}. */
    public void write(CycleReport report, List<UnitResult> units, OutputStream out) throws IOException {
        Map<String, Piece> pieces = pieces(new Key(report.cycleName(), report.asOf()));
        out.write(ReportJson.rollupHead(report));
        boolean first = true;
        for (UnitResult u : units) {
            if (!first) {
                out.write(',');
            }
            first = false;
            out.write(piece(pieces, report, u));
        }
        out.write(ReportJson.ROLLUP_TAIL);
    }

    private Map<String, Piece> pieces(Key key) {
        synchronized (byDate) {
            Map<String, Piece> pieces = byDate.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
            if (byDate.size() > DATES) {
                byDate.remove(byDate.keySet().iterator().next());
            }
            return pieces;
        }
    }

    private static byte[] piece(Map<String, Piece> pieces, CycleReport report, UnitResult unit) {
        List<ObjectiveResult> objectives = report.objectivesOf(unit.path());
        List<KeyResultResult> keyResults = new ArrayList<>();
        for (ObjectiveResult o : objectives) {
            keyResults.addAll(report.keyResultsOf(o.key()));
        }
        Piece known = pieces.get(unit.path());
        if (known != null && known.writtenFrom(report.state().name(), unit, objectives, keyResults)) {
            return known.json;
        }
        Piece fresh = new Piece(report.state().name(), unit, List.copyOf(objectives), List.copyOf(keyResults),
                ReportJson.rollupUnit(report, unit));
        pieces.put(unit.path(), fresh);
        return fresh.json;
    }

    private record Key(String cycle, LocalDate asOf) {
    }

    /** A unit's JSON and the very objects it was written from. */
    private record Piece(String state, UnitResult unit, List<ObjectiveResult> objectives, List<KeyResultResult> keyResults,
                         byte[] json) {

        boolean writtenFrom(String nowState, UnitResult nowUnit, List<ObjectiveResult> nowObjectives,
                            List<KeyResultResult> nowKeyResults) {
            return state.equals(nowState) && unit == nowUnit && same(objectives, nowObjectives)
                    && same(keyResults, nowKeyResults);
        }

        private static boolean same(List<?> a, List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) != b.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
