package com.keystone.okr.web.report;

import com.keystone.okr.reporting.CycleReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last few reports computed, by cycle, date and the data stamp they were computed under
 * (see {@code DataStamp}): the same question on unchanged data is answered without reloading
 * and recomputing the cycle, while any write anywhere (on any instance sharing the database)
 * changes the stamp, so a figure is never served from before it. Reports are immutable.
 */
@ApplicationScoped
public class ReportCache {

    /** A report of a 1,000-unit company weighs a few megabytes; a handful covers the dates people look at. */
    static final int SIZE = 8;

    record Key(String cycle, LocalDate day, String stamp) {
    }

    private final Map<Key, CycleReport> reports = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, CycleReport> eldest) {
            return size() > SIZE;
        }
    };

    synchronized Optional<CycleReport> get(Key key) {
        return Optional.ofNullable(reports.get(key));
    }

    synchronized void put(Key key, CycleReport report) {
        reports.put(key, report);
    }
}
