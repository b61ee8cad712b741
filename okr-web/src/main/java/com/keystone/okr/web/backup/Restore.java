package com.keystone.okr.web.backup;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.audit.AuditAction;
import com.keystone.okr.domain.audit.AuditEntry;
import com.keystone.okr.domain.audit.AuditSubject;
import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.domain.kpi.Direction;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.kpi.KpiKind;
import com.keystone.okr.domain.kpi.TimeAggregation;
import com.keystone.okr.domain.kpi.UnitAggregation;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.domain.person.GlobalRole;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.domain.person.UnitRole;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.web.imports.CsvFile;
import com.keystone.okr.web.imports.ErrorList;
import com.keystone.okr.web.imports.ImportRow;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Restores a backup into a database without a company, in the caller's transaction (it flushes
 * and clears the entity manager on the way, but never commits): file by file in the order of
 * {@link BackupFile}, each row through the entities' own constructors and guards, so a backup is
 * held to the rules any other write is. The first file with a problem ends the restore with a
 * {@link RestoreRejectedException} naming the file, row and column of each problem found in it;
 * the caller must then roll back, and nothing is stored.
 * <p>
 * History comes back as it was: check-ins with their author, recorded-at and order of recording,
 * measurements with theirs, frozen grades and overrides with their reasons, cycle states, and the
 * audit history. Objectives and key results are written while their cycle is still being planned,
 * and their check-ins before their KPI links, as the company wrote them; the cycles take their
 * states last. Large files (check-ins, measurements, the audit history) are read and written in
 * batches, each key result or KPI of a batch loaded by one query.
 * <p>
 * People: someone with the same username who is already here keeps their password and is given
 * the backup's name, e-mail, roles, memberships and active flag; the administrator restoring keeps
 * the administrator role and stays active. Everyone else comes back without a password: they sign
 * in once an administrator has reset it.
 */
final class Restore {

    /** Rows written per flush in the large files. */
    static final int BATCH = 500;
    /** Problems reported of one file at most. */
    static final int MAX_ERRORS = 100;

    private final EntityManager em;
    private final ZipFile zip;
    private final String restoringAdmin;

    private final Map<BackupFile, Long> counts = new EnumMap<>(BackupFile.class);
    private Map<BackupFile, Long> expected;

    private final Map<String, OrgUnit> units = new HashMap<>();
    private final Map<String, Person> people = new HashMap<>();
    private final Map<String, Cycle> cycles = new HashMap<>();
    private final Map<String, CycleState> cycleStates = new HashMap<>();
    private final Map<String, Instant> cycleClosedAt = new HashMap<>();
    private final Map<String, Kpi> kpis = new HashMap<>();
    private final Map<String, Long> kpiIds = new HashMap<>();
    private final Map<String, Long> keyResultIds = new HashMap<>();
    private final Map<Long, Long> kpiLinks = new LinkedHashMap<>();

    Restore(EntityManager em, ZipFile zip, String restoringAdmin) {
        this.em = em;
        this.zip = zip;
        this.restoringAdmin = restoringAdmin;
    }

    /** Restores every file; answers the rows each file had. */
    Map<BackupFile, Long> run() {
        entries();
        units();
        people();
        memberships();
        cycles();
        kpis();
        okrs();
        checkIns();
        links();
        measurements();
        cycleStates();
        audit();
        return counts;
    }

    /** The manifest first (a backup of this format version), then every file there, and nothing else. */
    private void entries() {
        ErrorList errors = new ErrorList();
        ZipEntry manifest = zip.getEntry(BackupManifest.FILE_NAME);
        if (manifest == null) {
            throw new RestoreRejectedException(List.of(new RestoreRejectedException.FileError(BackupManifest.FILE_NAME,
                    null, null, "the backup has no manifest.json: is this a Keystone backup?")));
        }
        try (InputStream in = zip.getInputStream(manifest)) {
            expected = BackupManifest.read(in, errors);
        } catch (IOException e) {
            errors.add(null, null, "the manifest cannot be read: " + e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw RestoreRejectedException.of(BackupManifest.FILE_NAME, errors.sorted());
        }
        List<RestoreRejectedException.FileError> wrong = new ArrayList<>();
        Set<String> known = new HashSet<>();
        known.add(BackupManifest.FILE_NAME);
        for (BackupFile f : BackupFile.values()) {
            known.add(f.fileName());
            if (zip.getEntry(f.fileName()) == null) {
                wrong.add(new RestoreRejectedException.FileError(f.fileName(), null, null, "the file is missing from the backup"));
            }
        }
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            String name = e.nextElement().getName();
            if (!known.contains(name)) {
                wrong.add(new RestoreRejectedException.FileError(name, null, null, "not a file of a Keystone backup: "
                        + "a backup holds " + BackupManifest.FILE_NAME + " and " + String.join(", ",
                        EnumSet.allOf(BackupFile.class).stream().map(BackupFile::fileName).toList())));
            }
        }
        if (!wrong.isEmpty()) {
            throw new RestoreRejectedException(wrong);
        }
    }

    private void units() {
        List<OrgUnit> archived = new ArrayList<>();
        OrgUnit[] root = {null};
        read(BackupFile.UNITS, row -> {
            String path = row.required("unit_path");
            Boolean isArchived = row.flag("archived", false);
            if (!row.ok()) {
                return;
            }
            String[] names = OrgUnit.splitPath(path);
            String canonical = String.join(OrgUnit.SEPARATOR, names);
            if (units.containsKey(canonical)) {
                row.error("unit_path", "unit " + canonical + " is listed twice");
                return;
            }
            OrgUnit unit;
            if (names.length == 1) {
                if (root[0] != null) {
                    row.error("unit_path", "a second company unit " + canonical + ": the company is " + root[0].getPath()
                            + ", the one root of the tree");
                    return;
                }
                unit = OrgUnit.root(names[0]);
                root[0] = unit;
            } else {
                String parentPath = canonical.substring(0, canonical.lastIndexOf(OrgUnit.SEPARATOR));
                OrgUnit parent = units.get(parentPath);
                if (parent == null) {
                    row.error("unit_path", "the parent unit " + parentPath + " of " + canonical + " is not listed before it");
                    return;
                }
                unit = parent.addChild(names[names.length - 1]);
            }
            em.persist(unit);
            units.put(unit.getPath(), unit);
            if (Boolean.TRUE.equals(isArchived)) {
                archived.add(unit);
            }
        }, () -> archived.forEach(OrgUnit::archive)); // after their children were added below them
    }

    private void people() {
        for (Person p : em.createQuery("select p from Person p", Person.class).getResultList()) {
            people.put(p.getUsername(), p);
        }
        Set<String> listed = new HashSet<>();
        read(BackupFile.PEOPLE, row -> {
            String username = row.username("username");
            String displayName = row.required("display_name");
            String email = row.text("email");
            Boolean active = row.flag("active", false);
            Set<GlobalRole> roles = EnumSet.noneOf(GlobalRole.class);
            String roleList = row.text("global_roles");
            if (roleList != null) {
                for (String r : roleList.split(";")) {
                    if (!r.isBlank()) {
                        GlobalRole role = choice(r.strip(), GlobalRole.class);
                        if (role == null) {
                            row.error("global_roles", "'" + r.strip() + "' is not a role: use " + names(GlobalRole.class));
                        } else {
                            roles.add(role);
                        }
                    }
                }
            }
            if (username == null) {
                row.required("username");
            }
            if (!row.ok()) {
                return;
            }
            String u = Person.validUsername(username);
            if (!listed.add(u)) {
                row.error("username", "person " + u + " is listed twice");
                return;
            }
            Person p = people.get(u);
            boolean isNew = p == null;
            if (isNew) {
                p = new Person(u, displayName);
            } else {
                p.rename(displayName); // an existing person keeps their password
            }
            p.changeEmail(email);
            boolean restoring = u.equals(restoringAdmin);
            for (GlobalRole r : GlobalRole.values()) {
                if (roles.contains(r) || restoring && r == GlobalRole.ADMIN) {
                    p.grant(r);
                } else {
                    p.revoke(r);
                }
            }
            if (active == null || active || restoring) {
                p.activate();
            } else {
                p.deactivate();
            }
            if (isNew) {
                em.persist(p);
            }
            people.put(u, p);
        }, () -> { });
    }

    private void memberships() {
        Set<String> listed = new HashSet<>();
        read(BackupFile.MEMBERSHIPS, row -> {
            Person p = person(row, "username", row.username("username"), true);
            OrgUnit unit = unit(row, row.required("unit_path"));
            UnitRole role = row.choice("role", UnitRole.class, true);
            if (!row.ok()) {
                return;
            }
            if (!listed.add(p.getUsername() + "\n" + unit.getPath())) {
                row.error("unit_path", p.getUsername() + "'s membership of " + unit.getPath() + " is listed twice");
                return;
            }
            p.assign(unit, role);
        }, () -> { });
    }

    private void cycles() {
        read(BackupFile.CYCLES, row -> {
            String name = row.required("cycle");
            LocalDate start = row.date("start_date", true);
            LocalDate end = row.date("end_date", true);
            CycleState state = row.choice("state", CycleState.class, true);
            Instant closedAt = row.instant("closed_at", false);
            if (state == CycleState.CLOSED && closedAt == null && row.ok()) {
                row.error("closed_at", "a closed cycle needs the moment it was closed");
            }
            if (state != null && state != CycleState.CLOSED && closedAt != null) {
                row.error("closed_at", "only a closed cycle has a moment it was closed; this one is " + state);
            }
            if (!row.ok()) {
                return;
            }
            Cycle c = Cycle.of(name, start, end);
            if (cycles.containsKey(c.getName())) {
                row.error("cycle", "cycle " + c.getName() + " is listed twice");
                return;
            }
            em.persist(c); // planned until its objectives and key results are in (cycleStates)
            cycles.put(c.getName(), c);
            cycleStates.put(c.getName(), state);
            if (closedAt != null) {
                cycleClosedAt.put(c.getName(), closedAt);
            }
        }, () -> { });
    }

    /** A KPI's references, set once every KPI exists. */
    private record KpiRefs(ImportRow row, Kpi kpi, UnitAggregation aggregation, List<String> children, String numerator,
                           String denominator) {
    }

    private void kpis() {
        List<KpiRefs> refs = new ArrayList<>();
        read(BackupFile.KPIS, row -> {
            String key = row.required("kpi_key");
            OrgUnit unit = unit(row, row.required("unit_path"));
            String name = row.required("name");
            Direction direction = row.choice("direction", Direction.class, true);
            KpiKind kind = row.choice("kind", KpiKind.class, true);
            BigDecimal target = row.decimal("target", true);
            BigDecimal warning = row.decimal("warning", true);
            TimeAggregation time = row.choice("time_aggregation", TimeAggregation.class, true);
            Person owner = person(row, "owner", row.username("owner"), false);
            UnitAggregation aggregation = row.choice("unit_aggregation", UnitAggregation.class, false);
            String children = row.text("children");
            if (!row.ok()) {
                return;
            }
            if (kpis.containsKey(key)) {
                row.error("kpi_key", "KPI " + key + " is listed twice");
                return;
            }
            Kpi k = new Kpi(key, name, unit, direction, kind, target, warning, time);
            k.describeUnitOfMeasure(row.text("unit_of_measure"));
            k.assignOwner(owner);
            em.persist(k);
            kpis.put(k.getKey(), k);
            List<String> childKeys = children == null ? List.of()
                    : List.of(children.split(";")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            refs.add(new KpiRefs(row, k, aggregation, childKeys, row.text("numerator_key"), row.text("denominator_key")));
        }, () -> {
            for (KpiRefs r : refs) {
                guarded(BackupFile.KPIS, r.row(), "kpi_key", () -> {
                    if (r.aggregation() != null || !r.children().isEmpty()) {
                        List<Kpi> children = new ArrayList<>();
                        for (String c : r.children()) {
                            Kpi child = kpis.get(c);
                            if (child == null) {
                                r.row().error("children", "no KPI '" + c + "' in kpis.csv");
                            } else {
                                children.add(child);
                            }
                        }
                        if (r.row().ok()) {
                            r.kpi().rollUpFrom(r.aggregation(), children);
                        }
                    }
                    if (r.numerator() != null || r.denominator() != null) {
                        Kpi num = kpiNamed(r.row(), "numerator_key", r.numerator());
                        Kpi den = kpiNamed(r.row(), "denominator_key", r.denominator());
                        if (r.row().ok()) {
                            r.kpi().ratioOf(num, den);
                        }
                    }
                });
            }
        });
    }

    private Kpi kpiNamed(ImportRow row, String column, String key) {
        if (key == null) {
            row.error(column, column + " is required for a ratio");
            return null;
        }
        Kpi k = kpis.get(key);
        if (k == null) {
            row.error(column, "no KPI '" + key + "' in kpis.csv");
        }
        return k;
    }

    /** An alignment, made once every objective of the file exists. */
    private record Alignment(ImportRow row, Objective objective, String parentKey) {
    }

    private void okrs() {
        Map<String, Objective> objectives = new HashMap<>();
        Map<KeyResult, Kpi> links = new LinkedHashMap<>();
        List<Alignment> alignments = new ArrayList<>();
        Map<String, KeyResult> keyResults = new HashMap<>();
        read(BackupFile.OKRS, row -> {
            Cycle cycle = cycle(row, row.required("cycle"));
            String unitPath = row.required("unit_path");
            String objectiveKey = row.required("objective_key");
            String title = row.required("objective");
            Grades objectiveGrade = grades(row, "objective_");
            String krKey = row.text("kr_key");
            if (!row.ok()) {
                return;
            }
            Objective o = objectives.get(cycle.getName() + "/" + objectiveKey);
            if (o == null) {
                OrgUnit unit = unit(row, unitPath);
                BigDecimal weight = row.weight("objective_weight");
                Person owner = person(row, "objective_owner", row.username("objective_owner"), false);
                if (!row.ok()) {
                    return;
                }
                o = new Objective(cycle, objectiveKey, title, unit);
                o.describe(row.text("objective_description"));
                o.reweigh(weight);
                o.assignOwner(owner);
                objectiveGrade.apply(row, o::freezeGrade, o::overrideGrade);
                em.persist(o);
                objectives.put(cycle.getName() + "/" + o.getKey(), o);
                String parentKey = row.text("parent_objective_key");
                if (parentKey != null) {
                    alignments.add(new Alignment(row, o, parentKey));
                }
            }
            if (krKey == null) {
                return;
            }
            String krTitle = row.required("key_result");
            KeyResultType type = row.choice("kr_type", KeyResultType.class, true);
            BigDecimal start = row.decimal("start", false);
            BigDecimal target = row.decimal("target", false);
            BigDecimal weight = row.weight("kr_weight");
            Person owner = person(row, "kr_owner", row.username("kr_owner"), false);
            String kpiKey = row.text("kpi_key");
            Kpi kpi = kpiKey == null ? null : kpiNamed(row, "kpi_key", kpiKey);
            Grades krGrade = grades(row, "kr_");
            if (!row.ok()) {
                return;
            }
            if (keyResults.containsKey(cycle.getName() + "/" + krKey)) {
                row.error("kr_key", "key result " + krKey + " of cycle " + cycle.getName() + " is listed twice");
                return;
            }
            KeyResult kr = new KeyResult(o, krKey, krTitle, type, start, target);
            kr.reweigh(weight);
            kr.assignOwner(owner);
            krGrade.apply(row, kr::freezeGrade, kr::overrideGrade);
            em.persist(kr);
            keyResults.put(cycle.getName() + "/" + kr.getKey(), kr);
            if (kpi != null) {
                links.put(kr, kpi); // linked after its check-ins, which it took before it was linked
            }
        }, () -> {
            for (Alignment a : alignments) {
                Objective parent = objectives.get(a.objective().getCycle().getName() + "/" + a.parentKey());
                if (parent == null) {
                    a.row().error("parent_objective_key", "no objective '" + a.parentKey() + "' in cycle "
                            + a.objective().getCycle().getName());
                } else {
                    guarded(BackupFile.OKRS, a.row(), "parent_objective_key", () -> a.objective().alignTo(parent));
                }
            }
        });
        em.flush();
        keyResults.forEach((key, kr) -> keyResultIds.put(key, kr.getId()));
        links.forEach((kr, kpi) -> kpiLinks.put(kr.getId(), kpi.getId()));
        kpis.forEach((key, kpi) -> kpiIds.put(key, kpi.getId()));
        // from here on the large files: the entity manager holds one batch at a time
        em.clear();
        units.clear();
        people.clear();
        cycles.clear();
        kpis.clear();
    }

    /** A frozen grade and its override as a row gives them, for an objective ({@code objective_}) or a key result ({@code kr_}). */
    private record Grades(String prefix, BigDecimal computed, BigDecimal override, String reason, String by, Instant at) {

        interface Override {
            void apply(BigDecimal grade, String reason, String by, Instant at);
        }

        void apply(ImportRow row, Consumer<BigDecimal> freeze, Override override) {
            if (computed != null) {
                guardedColumn(row, prefix + "grade", () -> freeze.accept(computed));
            }
            if (this.override != null || reason != null) {
                guardedColumn(row, prefix + "grade_override", () -> override.apply(this.override, reason, by, at));
            }
        }

        private void guardedColumn(ImportRow row, String column, Runnable action) {
            try {
                action.run();
            } catch (InvalidInputException e) {
                row.error("reason".equals(e.getField()) ? prefix + "grade_reason" : column, e.getMessage());
            }
        }
    }

    private static Grades grades(ImportRow row, String prefix) {
        return new Grades(prefix, row.decimal(prefix + "grade", false), row.decimal(prefix + "grade_override", false),
                row.text(prefix + "grade_reason"), row.text(prefix + "grade_by"), row.instant(prefix + "grade_at", false));
    }

    /** A check-in waiting for its batch. */
    private record PendingCheckIn(ImportRow row, long keyResultId, LocalDate date, BigDecimal value, Integer confidence,
                                  String comment, String author, Instant recordedAt) {
    }

    private void checkIns() {
        List<PendingCheckIn> batch = new ArrayList<>();
        Runnable write = () -> {
            Map<Long, KeyResult> loaded = load(KeyResult.class, batch.stream().map(PendingCheckIn::keyResultId).toList());
            for (PendingCheckIn c : batch) {
                guarded(BackupFile.CHECKINS, c.row(), "kr_key", () -> em.persist(loaded.get(c.keyResultId())
                        .checkIn(c.date(), c.value(), c.confidence(), c.comment(), c.author(), c.recordedAt())));
            }
            em.flush();
            em.clear();
            batch.clear();
        };
        read(BackupFile.CHECKINS, row -> {
            String cycle = row.required("cycle");
            String krKey = row.required("kr_key");
            LocalDate date = row.date("date", true);
            BigDecimal value = row.decimal("value", true);
            Integer confidence = row.confidence("confidence");
            Instant recordedAt = row.instant("recorded_at", true);
            if (!row.ok()) {
                return;
            }
            Long id = keyResultIds.get(cycle + "/" + krKey);
            if (id == null) {
                row.error("kr_key", "no key result '" + krKey + "' of cycle " + cycle + " in okrs.csv");
                return;
            }
            batch.add(new PendingCheckIn(row, id, date, value, confidence, row.text("comment"), row.text("author"),
                    recordedAt));
            if (batch.size() >= BATCH) {
                write.run();
            }
        }, write);
    }

    /** Key results take their KPI links once their check-ins are in. */
    private void links() {
        List<Long> ids = new ArrayList<>(kpiLinks.keySet());
        for (int from = 0; from < ids.size(); from += BATCH) {
            Map<Long, KeyResult> loaded = load(KeyResult.class, ids.subList(from, Math.min(ids.size(), from + BATCH)));
            loaded.forEach((id, kr) -> kr.linkKpi(em.getReference(Kpi.class, kpiLinks.get(id))));
            em.flush();
            em.clear();
        }
    }

    private record PendingMeasurement(ImportRow row, long kpiId, LocalDate date, BigDecimal value, Instant recordedAt,
                                      String recordedBy) {
    }

    private void measurements() {
        Set<Long> days = new HashSet<>();
        List<PendingMeasurement> batch = new ArrayList<>();
        Runnable write = () -> {
            Map<Long, Kpi> loaded = load(Kpi.class, batch.stream().map(PendingMeasurement::kpiId).toList());
            for (PendingMeasurement m : batch) {
                guarded(BackupFile.MEASUREMENTS, m.row(), "kpi_key", () -> em.persist(loaded.get(m.kpiId())
                        .measure(m.date(), m.value(), m.recordedAt(), m.recordedBy())));
            }
            em.flush();
            em.clear();
            batch.clear();
        };
        read(BackupFile.MEASUREMENTS, row -> {
            String key = row.required("kpi_key");
            LocalDate date = row.date("date", true);
            BigDecimal value = row.decimal("value", true);
            Instant recordedAt = row.instant("recorded_at", true);
            if (!row.ok()) {
                return;
            }
            Long id = kpiIds.get(key);
            if (id == null) {
                row.error("kpi_key", "no KPI '" + key + "' in kpis.csv");
                return;
            }
            if (!days.add(id * 10_000_000L + date.toEpochDay() + 1_000_000L)) {
                row.error("date", "KPI " + key + " has a second measurement of " + date + ": one per KPI and date");
                return;
            }
            batch.add(new PendingMeasurement(row, id, date, value, recordedAt, row.text("recorded_by")));
            if (batch.size() >= BATCH) {
                write.run();
            }
        }, write);
    }

    /** The cycles take their states once their objectives and key results are in: closed ones refuse changes. */
    private void cycleStates() {
        for (Cycle c : em.createQuery("select c from Cycle c", Cycle.class).getResultList()) {
            CycleState state = cycleStates.get(c.getName());
            if (state == CycleState.ACTIVE) {
                c.activate();
            } else if (state == CycleState.CLOSED) {
                c.close(cycleClosedAt.get(c.getName()));
            }
        }
        em.flush();
        em.clear();
    }

    private void audit() {
        int[] pending = {0};
        read(BackupFile.AUDIT, row -> {
            Instant at = row.instant("occurred_at", true);
            AuditAction action = row.choice("action", AuditAction.class, true);
            AuditSubject subject = row.choice("subject_type", AuditSubject.class, true);
            String key = row.required("subject_key");
            if (!row.ok()) {
                return;
            }
            em.persist(new AuditEntry(at, row.text("actor"), action, subject, key, row.text("old_value"),
                    row.text("new_value"), row.text("reason")));
            if (++pending[0] % BATCH == 0) {
                em.flush();
                em.clear();
            }
        }, () -> {
            em.flush();
            em.clear();
        });
    }

    /** The entities of one batch by id, in one query. */
    private <T> Map<Long, T> load(Class<T> type, Collection<Long> ids) {
        Map<Long, T> byId = new HashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        Function<T, Long> id = type == KeyResult.class ? t -> ((KeyResult) t).getId() : t -> ((Kpi) t).getId();
        for (T t : em.createQuery("select e from " + type.getSimpleName() + " e where e.id in :ids", type)
                .setParameter("ids", new HashSet<>(ids)).getResultList()) {
            byId.put(id.apply(t), t);
        }
        return byId;
    }

    private Cycle cycle(ImportRow row, String name) {
        if (name == null) {
            return null;
        }
        Cycle c = cycles.get(name);
        if (c == null) {
            row.error("cycle", "no cycle '" + name + "' in cycles.csv");
        }
        return c;
    }

    private OrgUnit unit(ImportRow row, String path) {
        if (path == null) {
            return null;
        }
        OrgUnit u = units.get(path);
        if (u == null) {
            row.error("unit_path", "no unit '" + path + "' in units.csv");
        }
        return u;
    }

    private Person person(ImportRow row, String column, String username, boolean required) {
        if (username == null) {
            if (required) {
                row.required(column);
            }
            return null;
        }
        Person p = people.get(username);
        if (p == null) {
            row.error(column, "no person '" + username + "' in people.csv");
        }
        return p;
    }

    /**
     * Reads one file row by row, then runs {@code end}; a domain refusal is reported at its row and
     * column. Any problem in the file (or rows other than the manifest counts) rejects the restore.
     */
    private void read(BackupFile file, Consumer<ImportRow> each, Runnable end) {
        ErrorList errors = new ErrorList();
        long rows = 0;
        try (InputStream in = zip.getInputStream(zip.getEntry(file.fileName()))) {
            CsvFile csv = CsvFile.open(in, file.columns(), file.required(), file.fileName(), BackupFile.VERBATIM, errors);
            if (csv != null) {
                for (ImportRow row = csv.next(); row != null; row = csv.next()) {
                    rows++;
                    ImportRow r = row;
                    guarded(file, row, file.required().get(0), () -> each.accept(r));
                    if (errors.size() >= MAX_ERRORS) {
                        break;
                    }
                }
                if (errors.isEmpty()) {
                    end.run();
                }
            }
        } catch (IOException e) {
            errors.add(null, null, "the file cannot be read: " + e.getMessage());
        }
        if (errors.isEmpty() && expected.get(file) != rows) {
            errors.add(null, null, "the manifest counts " + expected.get(file) + " rows in " + file.fileName()
                    + " but the file has " + rows + ": it was cut short or changed");
        }
        if (!errors.isEmpty()) {
            throw RestoreRejectedException.of(file.fileName(), errors.sorted());
        }
        counts.put(file, rows);
    }

    /** Runs a row's write; the domain's refusal is reported at the column it names, or {@code fallback}. */
    private static void guarded(BackupFile file, ImportRow row, String fallback, Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            String field = e.getField();
            String column = field != null && file.columns().contains(field) ? field
                    : "description".equals(field) ? "objective_description" : fallback;
            row.error(column, e.getMessage());
        }
    }

    private static <E extends Enum<E>> E choice(String v, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        return null;
    }

    private static String names(Class<? extends Enum<?>> type) {
        return String.join(", ", List.of(type.getEnumConstants()).stream().map(Enum::name).toList());
    }
}
