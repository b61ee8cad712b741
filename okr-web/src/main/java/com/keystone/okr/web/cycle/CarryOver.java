package com.keystone.okr.web.cycle;

import com.keystone.okr.domain.Checks;
import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.Text;
import com.keystone.okr.domain.audit.AuditAction;
import com.keystone.okr.domain.audit.AuditSubject;
import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.persistence.GraphLocks;
import com.keystone.okr.persistence.cycle.CycleRepository;
import com.keystone.okr.persistence.objective.KeyResultRepository;
import com.keystone.okr.persistence.objective.ObjectiveRepository;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.kpi.KpiResult;
import com.keystone.okr.reporting.objective.KeyResultResult;
import com.keystone.okr.reporting.objective.ObjectiveResult;
import com.keystone.okr.web.cycle.CarryOverReport.CarriedKeyResult;
import com.keystone.okr.web.cycle.CarryOverReport.CarriedObjective;
import com.keystone.okr.web.cycle.CarryOverReport.Item;
import com.keystone.okr.web.cycle.CarryOverReport.Kind;
import com.keystone.okr.web.cycle.CarryOverReport.Reason;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Carries a unit's objectives and key results from one cycle into a later one, in the caller's
 * transaction (docs/rules.md, "Carry-over"). Which ones are unfinished, and the values their key
 * results reached, are the engine's figures of the source cycle as of one date ({@code report}):
 * nothing here computes progress again. The copies go through the entities' own guards; the
 * change journal sees them like any other write (Hibernate's events).
 */
public final class CarryOver {

    /** Where the carry-over writes its audit entries (the service's {@code AuditTrail}). */
    @FunctionalInterface
    public interface Audit {
        void record(AuditSubject subject, String key, AuditAction action, String before, String after);
    }

    static final String BUNDLE = "i18n.carry";

    private final EntityManager em;
    private final Audit audit;

    public CarryOver(EntityManager em, Audit audit) {
        this.em = em;
        this.audit = audit;
    }

    static Text text(String key, Object... args) {
        return Text.of(BUNDLE, key, args);
    }

    /**
     * The target cycle: an existing cycle that starts after {@code source} ends and is not closed, or a
     * missing {@code YYYY-Qn} quarter, created in planning with the quarter's dates. Refusals name {@code to}.
     *
     * @return the cycle and whether it was created
     */
    public Target target(Cycle source, String to) {
        if (to == null || to.isBlank()) {
            throw new InvalidInputException("to", text("to.required"));
        }
        String name = quarterName(to.strip());
        CycleRepository cycles = new CycleRepository(em);
        Cycle target = cycles.findByName(name).orElse(null);
        boolean created = false;
        if (target == null) {
            if (!Cycle.isQuarterName(name)) {
                throw new InvalidInputException("to", text("to.unknown", name));
            }
            target = Cycle.quarter(name);
            created = true;
        }
        if (target.getName().equals(source.getName())) {
            throw new InvalidInputException("to", text("to.same", name));
        }
        if (!target.getStartDate().isAfter(source.getEndDate())) {
            throw new InvalidInputException("to", text("to.notLater", target.getName(), target.getStartDate(),
                    source.getName(), source.getEndDate()));
        }
        if (target.isClosed()) {
            throw new InvalidInputException("to", text("to.closed", target.getName()));
        }
        if (created) {
            cycles.add(target);
            em.flush();
            audit.record(AuditSubject.CYCLE, target.getName(), AuditAction.CYCLE_CREATED, null,
                    target.getStartDate() + " to " + target.getEndDate());
        }
        return new Target(target, created);
    }

    /** The cycle to carry into, and whether this carry-over created it. */
    public record Target(Cycle cycle, boolean created) {
    }

    /** {@code 2027-q1} is the quarter {@code 2027-Q1}, as in the imports. */
    private static String quarterName(String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})-[qQ]([1-4])").matcher(name);
        return m.matches() ? m.group(1) + "-Q" + m.group(2) : name;
    }

    /**
     * Copies the objectives of {@code scope} and the units below it from {@code report}'s cycle into
     * {@code target}: with {@code unfinishedOnly}, those of progress below 1 and, of them, the key
     * results of progress below 1. Keys stay; a key already in the target is skipped, so carrying
     * twice carries nothing new.
     */
    public CarryOverReport carry(Cycle source, CycleReport report, Target target, OrgUnit scope, boolean unfinishedOnly) {
        Cycle into = target.cycle();
        new GraphLocks(em).lockCascade(into); // carries and alignments into one cycle are serialized, as the editor's
        ObjectiveRepository objectives = new ObjectiveRepository(em);
        KeyResultRepository keyResults = new KeyResultRepository(em);
        Map<String, Objective> sourceObjectives = objectives.ofCycle(source).stream()
                .collect(Collectors.toMap(Objective::getKey, Function.identity()));
        Map<String, KeyResult> sourceKeyResults = keyResults.ofCycle(source).stream()
                .collect(Collectors.toMap(KeyResult::getKey, Function.identity()));
        Map<String, Objective> there = new HashMap<>();
        objectives.ofCycle(into).forEach(o -> there.put(o.getKey(), o));
        Set<String> keyResultsThere = keyResults.ofCycle(into).stream().map(KeyResult::getKey)
                .collect(Collectors.toCollection(java.util.HashSet::new));

        List<Item> skipped = new ArrayList<>();
        List<Item> notes = new ArrayList<>();
        Map<String, Objective> copies = new LinkedHashMap<>();
        Map<String, List<CarriedKeyResult>> carriedKeyResults = new HashMap<>();
        for (ObjectiveResult r : report.objectives()) {
            Objective o = sourceObjectives.get(r.key());
            if (o == null || !o.getUnit().isSelfOrDescendantOf(scope)) {
                continue;
            }
            if (unfinishedOnly && r.progress() >= 1) { // "unfinished" is the engine's R2 progress below 1
                skipped.add(new Item(Kind.OBJECTIVE, r.key(), Reason.FINISHED,
                        text("skip.FINISHED", r.key(), percent(r.progress()), report.asOf())));
                continue;
            }
            if (there.containsKey(r.key())) {
                skipped.add(new Item(Kind.OBJECTIVE, r.key(), Reason.ALREADY_THERE,
                        text("skip.ALREADY_THERE", r.key(), into.getName())));
                continue;
            }
            if (o.getUnit().isArchived()) {
                skipped.add(new Item(Kind.OBJECTIVE, r.key(), Reason.UNIT_ARCHIVED,
                        text("skip.UNIT_ARCHIVED", r.key(), o.getUnit().getPath())));
                continue;
            }
            Objective copy = new Objective(into, o.getKey(), o.getTitle(), o.getUnit());
            copy.describe(o.getDescription());
            copy.reweigh(o.getWeight());
            copy.assignOwner(owner(Kind.OBJECTIVE, o.getKey(), o.getOwner(), notes));
            objectives.add(copy);
            copies.put(copy.getKey(), copy);
            List<CarriedKeyResult> krs = new ArrayList<>();
            for (KeyResultResult k : report.keyResultsOf(r.key())) {
                KeyResult kr = sourceKeyResults.get(k.key());
                if (unfinishedOnly && k.progress() >= 1) {
                    skipped.add(new Item(Kind.KEY_RESULT, k.key(), Reason.FINISHED,
                            text("skip.FINISHED", k.key(), percent(k.progress()), report.asOf())));
                } else if (keyResultsThere.contains(k.key())) {
                    skipped.add(new Item(Kind.KEY_RESULT, k.key(), Reason.ALREADY_THERE,
                            text("skip.ALREADY_THERE", k.key(), into.getName())));
                } else {
                    KeyResult c = copy(copy, kr, k, report, notes);
                    keyResults.add(c);
                    keyResultsThere.add(c.getKey());
                    krs.add(new CarriedKeyResult(c.getKey(), c.getTitle(), plain(c.getStartValue()),
                            plain(c.getTargetValue()), c.getKpi() == null ? null : c.getKpi().getKey()));
                }
            }
            carriedKeyResults.put(copy.getKey(), krs);
        }
        em.flush();

        List<CarriedObjective> carried = new ArrayList<>();
        for (Objective copy : copies.values()) {
            Objective parent = sourceObjectives.get(copy.getKey()).getParent();
            String parentKey = parent == null ? null : align(copy, parent.getKey(), copies, there, into, notes);
            ObjectiveResult r = report.objective(copy.getKey()).orElseThrow();
            carried.add(new CarriedObjective(copy.getKey(), copy.getTitle(), copy.getUnit().getPath(), r.progress(),
                    parentKey, carriedKeyResults.get(copy.getKey())));
        }
        em.flush();
        for (CarriedObjective c : carried) {
            String from = source.getName() + "/" + c.key();
            audit.record(AuditSubject.OBJECTIVE, into.getName() + "/" + c.key(), AuditAction.CARRIED_OVER, from,
                    c.title() + (c.parentKey() == null ? "" : ", aligned to " + c.parentKey()));
            if (c.parentKey() != null && !copies.containsKey(c.parentKey())) {
                audit.record(AuditSubject.OBJECTIVE, into.getName() + "/" + c.parentKey(), AuditAction.CHILD_ALIGNED, null,
                        c.key() + " (" + c.unitPath() + ", weight " + plain(copies.get(c.key()).getWeight()) + ")");
            }
            for (CarriedKeyResult k : c.keyResults()) {
                audit.record(AuditSubject.KEY_RESULT, into.getName() + "/" + k.key(), AuditAction.CARRIED_OVER,
                        source.getName() + "/" + k.key(), k.title() + " (start " + k.start().toPlainString() + ")");
            }
        }
        CarryOverReport done = new CarryOverReport(source.getName(), into.getName(), scope.getPath(), unfinishedOnly,
                report.asOf(), target.created(), carried, skipped, notes);
        audit.record(AuditSubject.CYCLE, into.getName(), AuditAction.CARRIED_OVER, source.getName(),
                scope.getPath() + (unfinishedOnly ? ", unfinished only" : ", all") + ": " + done.objectivesCarried()
                        + " objectives and " + done.keyResultsCarried() + " key results carried, " + skipped.size()
                        + " skipped");
        return done;
    }

    /** The copy of a key result: same key, title, type, target, weight, owner and KPI; the start is the last value reached. */
    private KeyResult copy(Objective into, KeyResult kr, KeyResultResult k, CycleReport report, List<Item> notes) {
        BigDecimal last = lastValue(k, report);
        BigDecimal start = kr.getStartValue();
        if (last != null && kr.getType() != KeyResultType.MILESTONE) {
            if (kr.getType().isLinear() && k.progress() >= 1) {
                // at or past the target: as a start it would turn the key result into its opposite (R1)
                notes.add(new Item(Kind.KEY_RESULT, k.key(), Reason.START_KEPT, text("note.START_KEPT.reached", k.key(),
                        last.toPlainString(), plain(kr.getTargetValue()).toPlainString(), plain(start).toPlainString())));
            } else if (fits(last)) {
                start = last;
            } else {
                notes.add(new Item(Kind.KEY_RESULT, k.key(), Reason.START_KEPT, text("note.START_KEPT.tooLarge", k.key(),
                        last.toString(), plain(start).toPlainString())));
            }
        }
        KeyResult c = new KeyResult(into, kr.getKey(), kr.getTitle(), kr.getType(), start, kr.getTargetValue());
        c.reweigh(kr.getWeight());
        c.assignOwner(owner(Kind.KEY_RESULT, kr.getKey(), kr.getOwner(), notes));
        c.linkKpi(kr.getKpi());
        return c;
    }

    /**
     * R1's current value {@code c} as of the report's date, or null while the key result has none: a
     * linked KPI's exact value, else the latest check-in's value (the engine's double, which gives back
     * the decimal checked in for up to 15 significant digits), rounded to the 10 decimals a figure keeps.
     */
    static BigDecimal lastValue(KeyResultResult k, CycleReport report) {
        if (!k.hasValue()) {
            return null;
        }
        BigDecimal value = null;
        if (k.kpiKey() != null) {
            value = report.kpi(k.kpiKey()).map(KpiResult::exactValue).orElse(null);
        }
        if (value == null) {
            value = BigDecimal.valueOf(k.current());
        }
        if (value.scale() > Checks.FIGURE_DECIMALS) {
            value = value.setScale(Checks.FIGURE_DECIMALS, RoundingMode.HALF_UP);
        }
        return plain(value);
    }

    private static boolean fits(BigDecimal value) {
        return value.abs().compareTo(Checks.FIGURE_LIMIT) < 0;
    }

    /** The copy's parent: the parent's copy, else the objective of the parent's key already in the target, else none. */
    private String align(Objective copy, String parentKey, Map<String, Objective> copies, Map<String, Objective> there,
                         Cycle into, List<Item> notes) {
        Objective parent = copies.get(parentKey);
        if (parent != null) {
            copy.alignTo(parent);
            return parentKey;
        }
        parent = there.get(parentKey);
        if (parent != null) {
            try {
                copy.alignTo(parent);
                notes.add(new Item(Kind.OBJECTIVE, copy.getKey(), Reason.ALIGNED_TO_EXISTING,
                        text("note.ALIGNED_TO_EXISTING", copy.getKey(), parentKey, into.getName())));
                return parentKey;
            } catch (InvalidInputException notValidThere) {
                // e.g. the key names an objective of another unit in the target cycle: not this parent
            }
        }
        notes.add(new Item(Kind.OBJECTIVE, copy.getKey(), Reason.ALIGNMENT_DROPPED,
                text("note.ALIGNMENT_DROPPED", copy.getKey(), parentKey, into.getName())));
        return null;
    }

    /** The owner the copy gets: the same person while active (owners must be active people, docs/api.md). */
    private static Person owner(Kind kind, String key, Person owner, List<Item> notes) {
        if (owner == null || owner.isActive()) {
            return owner;
        }
        notes.add(new Item(kind, key, Reason.OWNER_INACTIVE, text("note.OWNER_INACTIVE", key, owner.getUsername())));
        return null;
    }

    private static String percent(double progress) {
        return BigDecimal.valueOf(progress * 100).setScale(0, RoundingMode.HALF_UP) + " %";
    }

    private static BigDecimal plain(BigDecimal d) {
        if (d == null) {
            return null;
        }
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
