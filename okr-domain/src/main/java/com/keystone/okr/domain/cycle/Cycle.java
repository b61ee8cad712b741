package com.keystone.okr.domain.cycle;

import static com.keystone.okr.domain.DomainText.label;
import static com.keystone.okr.domain.DomainText.text;

import com.keystone.okr.domain.Checks;
import com.keystone.okr.domain.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time box for OKRs. A name {@code YYYY-Qn} means that calendar quarter, whose dates are
 * derived; any other name needs explicit dates. Both dates are inclusive.
 */
@Entity
@Table(name = "cycle")
public class Cycle {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cycle_seq")
    @SequenceGenerator(name = "cycle_seq", sequenceName = "cycle_seq", allocationSize = 50)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, unique = true, length = 40)
    private String name;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    private LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CycleState state = CycleState.PLANNING;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected Cycle() {
        // for JPA
    }

    private Cycle(String name, LocalDate start, LocalDate end) {
        this.name = name;
        this.startDate = Checks.required("start_date", start);
        this.endDate = Checks.required("end_date", end);
        if (end.isBefore(start)) {
            throw new InvalidInputException("end_date", text("cycle.endsBeforeStart", name, end, start));
        }
    }

    /** The calendar quarter named {@code YYYY-Qn}. */
    public static Cycle quarter(String name) {
        Checks.text("cycle", name, 40);
        Matcher m = QUARTER.matcher(name.strip());
        if (!m.matches()) {
            throw new InvalidInputException("cycle", text("cycle.notAQuarter", name));
        }
        int year = Integer.parseInt(m.group(1));
        int q = Integer.parseInt(m.group(2));
        LocalDate start = LocalDate.of(year, (q - 1) * 3 + 1, 1);
        return new Cycle(name.strip(), start, start.plusMonths(3).minusDays(1));
    }

    /**
     * A cycle with explicit dates. A quarter name must match its own quarter's dates, so that
     * {@code 2026-Q4} never means anything but October to December 2026.
     */
    public static Cycle of(String name, LocalDate start, LocalDate end) {
        String n = Checks.text("cycle", name, 40);
        if (isQuarterName(n)) {
            Cycle q = quarter(n);
            if ((start != null && !start.equals(q.startDate)) || (end != null && !end.equals(q.endDate))) {
                throw new InvalidInputException("start_date", text("cycle.quarterDates", n, q.startDate, q.endDate));
            }
            return q;
        }
        if (!NAME.matcher(n).matches()) {
            throw new InvalidInputException("cycle", text("cycle.badName", n));
        }
        return new Cycle(n, start, end);
    }

    public static boolean isQuarterName(String name) {
        return name != null && QUARTER.matcher(name.strip()).matches();
    }

    public void activate() {
        if (state != CycleState.PLANNING) {
            throw new InvalidInputException("state", text("cycle.notPlanning", name, label(state)));
        }
        state = CycleState.ACTIVE;
    }

    /** Closes the cycle; the caller freezes the grades in the same transaction. */
    public void close(Instant at) {
        if (state == CycleState.CLOSED) {
            throw new InvalidInputException("state", text("cycle.alreadyClosed", name));
        }
        state = CycleState.CLOSED;
        closedAt = Checks.required("closed_at", at);
    }

    public boolean isClosed() {
        return state == CycleState.CLOSED;
    }

    /** Whether a day falls within the cycle, both ends included. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(startDate) && !day.isAfter(endDate);
    }

    /** Days in the cycle, both ends included. */
    public long totalDays() {
        return ChronoUnit.DAYS.between(startDate, endDate) + 1;
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getName() {
        return name;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public CycleState getState() {
        return state;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Cycle c && Objects.equals(name, c.getName()));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name);
    }

    @Override
    public String toString() {
        return "Cycle[" + name + " " + startDate + ".." + endDate + " " + state + "]";
    }
}
