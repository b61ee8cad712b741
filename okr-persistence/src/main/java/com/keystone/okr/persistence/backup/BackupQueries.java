package com.keystone.okr.persistence.backup;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.domain.kpi.Direction;
import com.keystone.okr.domain.kpi.KpiKind;
import com.keystone.okr.domain.kpi.TimeAggregation;
import com.keystone.okr.domain.kpi.UnitAggregation;
import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.domain.person.GlobalRole;
import com.keystone.okr.domain.person.UnitRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hibernate.Session;

/**
 * The rows of a backup, table by table, each in one ordered query whose result is streamed to the
 * caller's consumer row by row (a company with a million check-ins is never held in memory). Run
 * them between {@link #beginSnapshot()} and {@link #endSnapshot()} in one transaction, so that
 * every table is read as of the same moment while the company goes on working.
 * <p>
 * Rows come in the order of their ids where the order means something: objectives, key results
 * and KPIs are listed by the report in id order, and check-ins of one key result, date and
 * recorded-at by their order of recording; a restore that inserts them in this order keeps it.
 */
@ApplicationScoped
public class BackupQueries {

    /** Rows the database driver fetches at once while streaming (PostgreSQL keeps a cursor open). */
    static final int FETCH_SIZE = 1000;
    private static final String FETCH_HINT = "org.hibernate.fetchSize";
    private static final String READ_ONLY_HINT = "org.hibernate.readOnly";

    @PersistenceContext(unitName = "okr")
    EntityManager em;

    public BackupQueries() {
        // for CDI
    }

    public BackupQueries(EntityManager em) {
        this.em = em;
    }

    public record UnitLine(String path, boolean archived) {
    }

    public record PersonLine(String username, String displayName, String email, boolean active, List<GlobalRole> roles) {
    }

    public record MembershipLine(String username, String unitPath, UnitRole role) {
    }

    public record CycleLine(String name, LocalDate startDate, LocalDate endDate, CycleState state, Instant closedAt) {
    }

    public record KpiLine(String key, String unitPath, String name, Direction direction, KpiKind kind, BigDecimal target,
                          BigDecimal warning, TimeAggregation timeAggregation, String unitOfMeasure, String owner,
                          UnitAggregation unitAggregation, List<String> children, String numeratorKey,
                          String denominatorKey) {
    }

    public record MeasurementLine(String kpiKey, LocalDate date, BigDecimal value, Instant recordedAt, String recordedBy) {
    }

    /** A frozen grade with its override, as the objective or key result keeps it (all null: not graded). */
    public record GradeLine(BigDecimal computed, BigDecimal override, String reason, String by, Instant at) {
    }

    /** An objective with one of its key results ({@code krKey} null: the objective has none). */
    public record OkrLine(String cycle, String unitPath, String objectiveKey, String objective, String description,
                          String parentKey, BigDecimal objectiveWeight, String objectiveOwner, GradeLine objectiveGrade,
                          String krKey, String keyResult, KeyResultType krType, BigDecimal start, BigDecimal target,
                          BigDecimal krWeight, String krOwner, String kpiKey, GradeLine krGrade) {
    }

    public record CheckInLine(String cycle, String krKey, LocalDate date, BigDecimal value, Integer confidence,
                              String comment, String author, Instant recordedAt) {
    }

    public record AuditLine(Instant occurredAt, String actor, String action, String subjectType, String subjectKey,
                            String oldValue, String newValue, String reason) {
    }

    /**
     * Makes the caller's transaction read one consistent snapshot of the whole database from its
     * next statement on: PostgreSQL's {@code REPEATABLE READ, READ ONLY} (which must be the
     * transaction's first statement), H2's {@code SNAPSHOT}. Call first in the transaction, and
     * {@link #endSnapshot()} last (H2 keeps the level on the pooled connection).
     */
    public void beginSnapshot() {
        em.unwrap(Session.class).doWork(c -> {
            try (Statement s = c.createStatement()) {
                if (isPostgres(c.getMetaData().getDatabaseProductName())) {
                    s.execute("set transaction isolation level repeatable read, read only");
                } else {
                    s.execute("set session characteristics as transaction isolation level snapshot");
                }
            }
        });
    }

    /** Gives the pooled connection back its usual isolation (H2; PostgreSQL's ends with its transaction). */
    public void endSnapshot() {
        em.unwrap(Session.class).doWork(c -> {
            if (!isPostgres(c.getMetaData().getDatabaseProductName())) {
                try (Statement s = c.createStatement()) {
                    s.execute("set session characteristics as transaction isolation level read committed");
                }
            }
        });
    }

    private static boolean isPostgres(String product) {
        return product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
    }

    /**
     * How many rows of the company there are, by table: units, cycles, objectives, key results,
     * check-ins, KPIs and measurements (people and the audit history are not the company's).
     */
    public Map<String, Long> companyRows() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String entity : List.of("OrgUnit", "Cycle", "Objective", "KeyResult", "CheckIn", "Kpi", "Measurement")) {
            counts.put(entity, em.createQuery("select count(e) from " + entity + " e", Long.class).getSingleResult());
        }
        return counts;
    }

    /** Units, parents before children (by depth, then path). */
    public void units(Consumer<UnitLine> sink) {
        stream("select u.path, u.archived from OrgUnit u order by u.depth, u.path",
                r -> sink.accept(new UnitLine((String) r[0], (Boolean) r[1])));
    }

    /** People by username, each with its company-wide roles (never a password hash). */
    public void people(Consumer<PersonLine> sink) {
        PersonLine[] pending = {null};
        stream("select p.username, p.displayName, p.email, p.active, r from Person p left join p.globalRoles r "
                + "order by p.username, r", r -> {
                    String username = (String) r[0];
                    if (pending[0] != null && !pending[0].username().equals(username)) {
                        sink.accept(pending[0]);
                        pending[0] = null;
                    }
                    if (pending[0] == null) {
                        pending[0] = new PersonLine(username, (String) r[1], (String) r[2], (Boolean) r[3], new ArrayList<>());
                    }
                    if (r[4] != null) {
                        pending[0].roles().add((GlobalRole) r[4]);
                    }
                });
        if (pending[0] != null) {
            sink.accept(pending[0]);
        }
    }

    /** Unit memberships by username and unit path. */
    public void memberships(Consumer<MembershipLine> sink) {
        stream("select p.username, u.path, m.role from Membership m join m.person p join m.unit u "
                + "order by p.username, u.path", r -> sink.accept(new MembershipLine((String) r[0], (String) r[1],
                (UnitRole) r[2])));
    }

    /** Cycles in id order. */
    public void cycles(Consumer<CycleLine> sink) {
        stream("select c.name, c.startDate, c.endDate, c.state, c.closedAt from Cycle c order by c.id",
                r -> sink.accept(new CycleLine((String) r[0], (LocalDate) r[1], (LocalDate) r[2], (CycleState) r[3],
                        (Instant) r[4])));
    }

    /** KPIs in id order, with their children's keys (in id order) and the keys of their ratio's parts. */
    public void kpis(Consumer<KpiLine> sink) {
        Map<Long, List<String>> children = new HashMap<>();
        stream("select p.id, c.key from Kpi p join p.children c order by p.id, c.id",
                r -> children.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((String) r[1]));
        stream("select k.id, k.key, u.path, k.name, k.direction, k.kind, k.target, k.warning, k.timeAggregation, "
                + "k.unitOfMeasure, ow.username, k.unitAggregation, num.key, den.key from Kpi k join k.unit u "
                + "left join k.owner ow left join k.numerator num left join k.denominator den order by k.id",
                r -> sink.accept(new KpiLine((String) r[1], (String) r[2], (String) r[3], (Direction) r[4], (KpiKind) r[5],
                        (BigDecimal) r[6], (BigDecimal) r[7], (TimeAggregation) r[8], (String) r[9], (String) r[10],
                        (UnitAggregation) r[11], children.getOrDefault((Long) r[0], List.of()), (String) r[12],
                        (String) r[13])));
    }

    /** Measurements in the order they were first recorded (ids). */
    public void measurements(Consumer<MeasurementLine> sink) {
        stream("select k.key, m.date, m.value, m.recordedAt, m.recordedBy from Measurement m join m.kpi k order by m.id",
                r -> sink.accept(new MeasurementLine((String) r[0], (LocalDate) r[1], (BigDecimal) r[2], (Instant) r[3],
                        (String) r[4])));
    }

    /** Objectives in id order, each with its key results in id order (one line per key result, one for none). */
    public void okrs(Consumer<OkrLine> sink) {
        stream("select c.name, u.path, o.key, o.title, o.description, p.key, o.weight, ow.username, "
                + "o.grade.computed, o.grade.override, o.grade.overrideReason, o.grade.overrideBy, o.grade.overrideAt, "
                + "k.key, k.title, k.type, k.startValue, k.targetValue, k.weight, kow.username, kk.key, "
                + "k.grade.computed, k.grade.override, k.grade.overrideReason, k.grade.overrideBy, k.grade.overrideAt "
                + "from Objective o join o.cycle c join o.unit u left join o.parent p left join o.owner ow "
                + "left join KeyResult k on k.objective = o left join k.owner kow left join k.kpi kk "
                + "order by o.id, k.id", r -> sink.accept(new OkrLine((String) r[0], (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (BigDecimal) r[6], (String) r[7],
                grade(r, 8), (String) r[13], (String) r[14], (KeyResultType) r[15], (BigDecimal) r[16],
                (BigDecimal) r[17], (BigDecimal) r[18], (String) r[19], (String) r[20], grade(r, 21))));
    }

    private static GradeLine grade(Object[] r, int from) {
        return new GradeLine((BigDecimal) r[from], (BigDecimal) r[from + 1], (String) r[from + 2], (String) r[from + 3],
                (Instant) r[from + 4]);
    }

    /** Check-ins in the order they were recorded (ids). */
    public void checkIns(Consumer<CheckInLine> sink) {
        stream("select cy.name, k.key, c.effectiveDate, c.value, c.confidence, c.comment, c.author, c.recordedAt "
                + "from CheckIn c join c.keyResult k join k.cycle cy order by c.id",
                r -> sink.accept(new CheckInLine((String) r[0], (String) r[1], (LocalDate) r[2], (BigDecimal) r[3],
                        (Integer) r[4], (String) r[5], (String) r[6], (Instant) r[7])));
    }

    /** The audit history in the order it was written (ids). */
    public void audit(Consumer<AuditLine> sink) {
        stream("select a.occurredAt, a.actor, a.action, a.subjectType, a.subjectKey, a.oldValue, a.newValue, a.reason "
                + "from AuditEntry a order by a.id", r -> sink.accept(new AuditLine((Instant) r[0], (String) r[1],
                (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7])));
    }

    private void stream(String jpql, Consumer<Object[]> row) {
        try (Stream<Object[]> rows = em.createQuery(jpql, Object[].class).setHint(FETCH_HINT, FETCH_SIZE)
                .setHint(READ_ONLY_HINT, true).getResultStream()) {
            rows.forEach(row);
        }
    }
}
