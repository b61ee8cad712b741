package com.keystone.okr.web.imports;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.kpi.Measurement;
import com.keystone.okr.persistence.kpi.MeasurementRepository;
import jakarta.enterprise.inject.Vetoed;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code measurements} import: at most one value per KPI and date (R6). A value for a date
 * already stored replaces it, through {@link MeasurementRepository#record} so the replacement is
 * audited as any other; an equal value (numerically) is left untouched and counted unchanged.
 * When the file itself has several rows for one KPI and date, the last of them wins and the
 * earlier ones are only checked; the counts are per KPI and date.
 */
final class MeasurementImport {

    private static final ImportKind KIND = ImportKind.MEASUREMENTS;

    private final EntityManager em;
    private final ErrorList errors;
    private final String by;
    private final Instant now;
    private final List<ImportLine> outcome;

    MeasurementImport(EntityManager em, ErrorList errors, String by, Instant now, List<ImportLine> outcome) {
        this.em = em;
        this.errors = errors;
        this.by = by;
        this.now = now;
        this.outcome = outcome;
    }

    private record Line(ImportRow row, String kpiKey, LocalDate date, BigDecimal value) {
    }

    private record KpiDay(String kpiKey, LocalDate date) {
    }

    ImportResult run(List<ImportRow> rows) {
        List<Line> lines = new ArrayList<>(rows.size());
        for (ImportRow r : rows) {
            lines.add(new Line(r, r.required("kpi_key"), r.date("date", true), r.decimal("value", true)));
        }

        Map<String, Kpi> kpis = new HashMap<>();
        Preload.inChunks(lines.stream().map(Line::kpiKey).filter(Objects::nonNull).collect(Collectors.toSet()),
                        chunk -> em.createQuery("select k from Kpi k where k.key in :keys", Kpi.class)
                                .setParameter("keys", chunk).getResultList())
                .forEach(k -> kpis.put(k.getKey(), k));
        Map<KpiDay, Measurement> stored = stored(lines, kpis);

        Map<KpiDay, Line> last = new LinkedHashMap<>();
        for (Line l : lines) { // bad rows too, so that their KPI is checked as well
            if (l.kpiKey() == null) {
                continue;
            }
            Kpi kpi = kpis.get(l.kpiKey());
            if (kpi == null) {
                l.row().error("kpi_key", "no KPI '" + ImportRow.abbreviate(l.kpiKey()) + "'");
                continue;
            }
            if (!l.row().ok()) {
                continue;
            }
            try {
                kpi.measure(l.date(), l.value(), now, by); // the domain refuses a computed KPI; the measurement is not kept
            } catch (InvalidInputException e) {
                errors.add(l.row().number(), e, KIND, "kpi_key");
                continue;
            }
            KpiDay day = new KpiDay(l.kpiKey(), l.date());
            last.remove(day);
            last.put(day, l);
        }
        errors.throwIfAny();

        MeasurementRepository repository = new PreloadedMeasurements(em, stored);
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Map.Entry<KpiDay, Line> e : last.entrySet()) {
            Measurement before = stored.get(e.getKey());
            Line l = e.getValue();
            ImportLine.Change change;
            if (before != null && before.getValue().compareTo(l.value()) == 0) {
                unchanged++;
                change = ImportLine.Change.UNCHANGED;
            } else if (repository.record(kpis.get(l.kpiKey()), l.date(), l.value(), now, by).replaced()) {
                updated++;
                change = ImportLine.Change.UPDATED;
            } else {
                created++;
                change = ImportLine.Change.CREATED;
            }
            outcome.add(new ImportLine(l.row().number(), "measurement", l.kpiKey() + " " + l.date(), change));
        }
        return new ImportResult(created, updated, unchanged);
    }

    /** The stored measurements of the file's KPIs within the span of dates of the file. */
    private Map<KpiDay, Measurement> stored(List<Line> lines, Map<String, Kpi> kpis) {
        Set<Long> ids = kpis.values().stream().map(Kpi::getId).collect(Collectors.toSet());
        Map<KpiDay, Measurement> stored = new HashMap<>();
        List<LocalDate> dates = lines.stream().map(Line::date).filter(Objects::nonNull).toList();
        if (ids.isEmpty() || dates.isEmpty()) {
            return stored;
        }
        LocalDate from = Collections.min(dates);
        LocalDate to = Collections.max(dates);
        Preload.inChunks(ids, chunk -> em.createQuery("select m from Measurement m join fetch m.kpi"
                                + " where m.kpi.id in :ids and m.date between :from and :to", Measurement.class)
                        .setParameter("ids", chunk).setParameter("from", from).setParameter("to", to).getResultList())
                .forEach(m -> stored.put(new KpiDay(m.getKpi().getKey(), m.getDate()), m));
        return stored;
    }

    /**
     * The repository's {@link MeasurementRepository#record} (replacement and its audit entry in one
     * place), with the lookup it makes per call answered from the measurements read up front: no
     * query per row, and so no flush in the middle of the import. Not a CDI bean.
     */
    @Vetoed
    private static final class PreloadedMeasurements extends MeasurementRepository {

        private final Map<KpiDay, Measurement> stored;

        PreloadedMeasurements(EntityManager em, Map<KpiDay, Measurement> stored) {
            super(em);
            this.stored = stored;
        }

        @Override
        public Optional<Measurement> find(Kpi kpi, LocalDate date) {
            return Optional.ofNullable(stored.get(new KpiDay(Objects.requireNonNull(kpi).getKey(), date)));
        }
    }
}
