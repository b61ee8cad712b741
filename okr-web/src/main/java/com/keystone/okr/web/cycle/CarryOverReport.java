package com.keystone.okr.web.cycle;

import com.keystone.okr.domain.Text;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a carry-over did: the objectives and key results it copied into the target cycle, what it
 * left behind and why, and what it changed on the way (an alignment dropped, an owner left out, a
 * start kept). The API answers it as JSON; the carry-over dialog shows it in the page's language.
 *
 * @param from           the source cycle
 * @param to             the target cycle
 * @param unit           the unit whose subtree was carried (the company's path when none was named)
 * @param unfinishedOnly whether only unfinished objectives and key results were carried
 * @param asOf           the date of the figures read: the source cycle's end, or today if that comes first
 * @param cycleCreated   whether the target quarter was created (in planning) by this carry-over
 * @param carried        the objectives copied, each with the key results copied with it, in the report's order
 * @param skipped        objectives and key results not copied, with the reason
 * @param notes          copied ones that changed on the way, with the reason
 */
public record CarryOverReport(String from, String to, String unit, boolean unfinishedOnly, LocalDate asOf,
                              boolean cycleCreated, List<CarriedObjective> carried, List<Item> skipped,
                              List<Item> notes) implements Serializable {

    private static final long serialVersionUID = 1L;

    public CarryOverReport {
        carried = List.copyOf(carried);
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }

    /** An objective copied into the target cycle under its own key. */
    public record CarriedObjective(String key, String title, String unitPath, double progress, String parentKey,
                                   List<CarriedKeyResult> keyResults) implements Serializable {

        private static final long serialVersionUID = 1L;

        public CarriedObjective {
            keyResults = List.copyOf(keyResults);
        }
    }

    /** A key result copied with its objective: its new start, its target, and the KPI it stays linked to. */
    public record CarriedKeyResult(String key, String title, BigDecimal start, BigDecimal target, String kpiKey)
            implements Serializable {

        private static final long serialVersionUID = 1L;
    }

    /** What an item of the report is about. */
    public enum Kind {
        OBJECTIVE, KEY_RESULT;

        /** The API's name: {@code objective}, {@code key-result}. */
        public String apiName() {
            return this == OBJECTIVE ? "objective" : "key-result";
        }
    }

    /** Why something was left behind, or changed on the way. */
    public enum Reason {
        /** Skipped: progress 1 as of the date, and only unfinished ones were asked for. */
        FINISHED,
        /** Skipped: the key already exists in the target cycle (carried before, or made there). */
        ALREADY_THERE,
        /** Skipped: the objective's unit is archived. */
        UNIT_ARCHIVED,
        /** Noted: the parent was not carried and is not in the target cycle, so the copy is aligned to nothing. */
        ALIGNMENT_DROPPED,
        /** Noted: the parent was not carried now, and the copy is aligned to the objective of its key already there. */
        ALIGNED_TO_EXISTING,
        /** Noted: the owner is deactivated, so the copy has no owner. */
        OWNER_INACTIVE,
        /** Noted: the start could not become the last value (the target was reached, or the value cannot be stored). */
        START_KEPT
    }

    /** One line of the skipped or noted lists: the objective or key result, the reason, and the sentence saying it. */
    public record Item(Kind kind, String key, Reason reason, Text text) implements Serializable {

        private static final long serialVersionUID = 1L;
    }

    public int objectivesCarried() {
        return carried.size();
    }

    public int keyResultsCarried() {
        return carried.stream().mapToInt(o -> o.keyResults().size()).sum();
    }

    /** Whether nothing was copied (a second carry-over of the same objectives, say). */
    public boolean nothingCarried() {
        return carried.isEmpty();
    }
}
