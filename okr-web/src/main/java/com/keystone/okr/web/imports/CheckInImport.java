package com.keystone.okr.web.imports;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.objective.CheckIn;
import com.keystone.okr.domain.objective.KeyResult;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code checkins} import. Check-ins are append-only, so "idempotent" needs a rule of its own,
 * one that keeps every figure right while a re-import of the same file adds nothing:
 * <ul>
 * <li>a row is <em>unchanged</em>, and not stored, when the latest check-in of its key result for
 * the same effective date (latest by recorded-at, then by order of recording; check-ins created
 * earlier in the same import included) has the same value, confidence and comment; otherwise it
 * is created;</li>
 * <li>except that the rows of one key result and date are unchanged together when the stored
 * check-ins of that key result and date already end with them (repeats of the row just before
 * counted once). Without this, a file with two different rows for one date (20, then a
 * correction to 25) would add both again at every re-import: 20 differs from the stored 25.</li>
 * </ul>
 * All check-ins of one import are recorded at the same instant, by the importing user, and
 * persisted in row order, so their order of recording is the row order (R1's tie-break).
 */
final class CheckInImport {

    private static final ImportKind KIND = ImportKind.CHECKINS;

    private final EntityManager em;
    private final ErrorList errors;
    private final String author;
    private final Instant now;
    private final List<ImportLine> outcome;

    CheckInImport(EntityManager em, ErrorList errors, String author, Instant now, List<ImportLine> outcome) {
        this.em = em;
        this.errors = errors;
        this.author = author;
        this.now = now;
        this.outcome = outcome;
    }

    private record Line(ImportRow row, String cycle, String krKey, LocalDate date, BigDecimal value, Integer confidence,
                        String comment) {
    }

    private record Key(String cycle, String key) {
    }

    private record KrDay(Long keyResultId, LocalDate date) {
    }

    /** What a check-in says, and when it was recorded. */
    private record Said(BigDecimal value, Integer confidence, String comment, Instant recordedAt) {

        static Said by(CheckIn c) {
            return new Said(c.getValue(), c.getConfidence(), c.getComment(), c.getRecordedAt());
        }

        boolean same(Said o) {
            return value.compareTo(o.value) == 0 && Objects.equals(confidence, o.confidence) && Objects.equals(comment, o.comment);
        }
    }

    /** A checked row and the check-in it would store. */
    private record Pending(int row, String krKey, CheckIn checkIn) {
    }

    ImportResult run(List<ImportRow> rows) {
        List<Line> lines = new ArrayList<>(rows.size());
        for (ImportRow r : rows) {
            lines.add(new Line(r, Cycles.normalize(r.required("cycle")), r.required("kr_key"), r.date("date", true),
                    r.decimal("value", true), r.confidence("confidence"), r.text("comment")));
        }

        Cycles cycles = Cycles.load(em);
        Set<Long> cycleIds = lines.stream().map(l -> cycles.find(l.cycle())).filter(Objects::nonNull).map(Cycle::getId)
                .collect(Collectors.toSet());
        Map<Key, KeyResult> krs = new HashMap<>();
        Preload.inChunks(cycleIds, chunk -> em.createQuery("select k from KeyResult k join fetch k.cycle left join fetch k.kpi"
                        + " where k.cycle.id in :ids", KeyResult.class).setParameter("ids", chunk).getResultList())
                .forEach(k -> krs.put(new Key(k.getCycle().getName(), k.getKey()), k));
        Map<KrDay, List<Said>> stored = stored(lines, krs);

        Map<KrDay, List<Pending>> groups = new LinkedHashMap<>();
        for (Line l : lines) { // bad rows too, so that their references are checked as well
            ImportRow row = l.row();
            if (l.cycle() == null) {
                continue;
            }
            if (cycles.find(l.cycle()) == null) {
                row.error("cycle", Cycles.unknown(l.cycle()));
                continue;
            }
            KeyResult kr = l.krKey() == null ? null : krs.get(new Key(l.cycle(), l.krKey()));
            if (kr == null) {
                if (l.krKey() != null) {
                    row.error("kr_key", "no key result '" + ImportRow.abbreviate(l.krKey()) + "' in cycle " + l.cycle());
                }
                continue;
            }
            if (!row.ok()) {
                continue;
            }
            try {
                CheckIn checkIn = kr.checkIn(l.date(), l.value(), l.confidence(), l.comment(), author, now);
                groups.computeIfAbsent(new KrDay(kr.getId(), l.date()), d -> new ArrayList<>()).add(new Pending(row.number(), l.krKey(), checkIn));
            } catch (InvalidInputException e) {
                errors.add(row.number(), e, KIND, "kr_key");
            }
        }
        errors.throwIfAny();

        List<Pending> fresh = new ArrayList<>();
        int unchanged = 0;
        for (Map.Entry<KrDay, List<Pending>> group : groups.entrySet()) {
            List<Said> before = stored.getOrDefault(group.getKey(), List.of());
            List<Pending> created = created(group.getValue(), before);
            fresh.addAll(created);
            Set<Integer> createdRows = created.stream().map(Pending::row).collect(Collectors.toSet());
            for (Pending p : group.getValue()) {
                outcome.add(new ImportLine(p.row(), "checkin", p.krKey() + " " + group.getKey().date(),
                        createdRows.contains(p.row()) ? ImportLine.Change.CREATED : ImportLine.Change.UNCHANGED));
            }
            unchanged += group.getValue().size() - created.size();
        }
        fresh.sort(Comparator.comparingInt(Pending::row));
        outcome.sort(Comparator.comparing(ImportLine::row));
        fresh.forEach(p -> em.persist(p.checkIn()));
        return new ImportResult(fresh.size(), 0, unchanged);
    }

    /** Which rows of one key result and date to store, given its stored check-ins (oldest first). */
    private List<Pending> created(List<Pending> rows, List<Said> stored) {
        List<Said> said = new ArrayList<>();
        for (Pending p : rows) {
            Said s = Said.by(p.checkIn());
            if (said.isEmpty() || !said.get(said.size() - 1).same(s)) {
                said.add(s);
            }
        }
        if (endsWith(stored, said)) {
            return List.of();
        }
        List<Pending> created = new ArrayList<>();
        Said latest = stored.isEmpty() ? null : stored.get(stored.size() - 1);
        for (Pending p : rows) {
            Said s = Said.by(p.checkIn());
            if (latest != null && latest.same(s)) {
                continue;
            }
            created.add(p);
            if (latest == null || !latest.recordedAt().isAfter(now)) { // a stored check-in recorded "later" than now stays latest
                latest = s;
            }
        }
        return created;
    }

    private static boolean endsWith(List<Said> stored, List<Said> tail) {
        int offset = stored.size() - tail.size();
        if (offset < 0) {
            return false;
        }
        for (int i = 0; i < tail.size(); i++) {
            if (!stored.get(offset + i).same(tail.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The stored check-ins, oldest first, per key result and date, for the key results and the span of dates of the file. */
    private Map<KrDay, List<Said>> stored(List<Line> lines, Map<Key, KeyResult> krs) {
        Set<Long> ids = lines.stream().map(l -> krs.get(new Key(l.cycle(), l.krKey()))).filter(Objects::nonNull)
                .map(KeyResult::getId).collect(Collectors.toSet());
        Map<KrDay, List<Said>> stored = new HashMap<>();
        List<LocalDate> dates = lines.stream().map(Line::date).filter(Objects::nonNull).toList();
        if (ids.isEmpty() || dates.isEmpty()) {
            return stored;
        }
        LocalDate from = Collections.min(dates);
        LocalDate to = Collections.max(dates);
        Preload.inChunks(ids, chunk -> em.createQuery(
                        "select c.keyResult.id, c.effectiveDate, c.value, c.confidence, c.comment, c.recordedAt from CheckIn c"
                                + " where c.keyResult.id in :ids and c.effectiveDate between :from and :to"
                                + " order by c.recordedAt, c.id", Object[].class)
                .setParameter("ids", chunk).setParameter("from", from).setParameter("to", to).getResultList())
                .forEach(c -> stored.computeIfAbsent(new KrDay((Long) c[0], (LocalDate) c[1]), d -> new ArrayList<>())
                        .add(new Said((BigDecimal) c[2], (Integer) c[3], (String) c[4], (Instant) c[5])));
        return stored;
    }
}
