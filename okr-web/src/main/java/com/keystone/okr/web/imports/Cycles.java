package com.keystone.okr.web.imports;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.cycle.Cycle;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The cycles for an import, read whole once (there are a handful per year); quarters are created in memory when missing. */
final class Cycles {

    private static final Pattern QUARTER_ANY_CASE = Pattern.compile("(\\d{4})-[qQ]([1-4])");

    private final Map<String, Cycle> byName = new HashMap<>();
    private final List<Cycle> created = new ArrayList<>();

    static Cycles load(EntityManager em) {
        Cycles cycles = new Cycles();
        em.createQuery("select c from Cycle c", Cycle.class).getResultList().forEach(c -> cycles.byName.put(c.getName(), c));
        return cycles;
    }

    /** A cycle name as stored: {@code 2026-q4} is the quarter {@code 2026-Q4}. */
    static String normalize(String name) {
        if (name == null) {
            return null;
        }
        Matcher m = QUARTER_ANY_CASE.matcher(name);
        return m.matches() ? m.group(1) + "-Q" + m.group(2) : name;
    }

    /** The stored cycle of this (normalized) name, or {@code null}. */
    Cycle find(String name) {
        return byName.get(name);
    }

    /** The cycle of this (normalized) name; a missing {@code YYYY-Qn} quarter is created, any other unknown name refused. */
    Cycle findOrCreateQuarter(String name) {
        Cycle c = byName.get(name);
        if (c != null) {
            return c;
        }
        if (!Cycle.isQuarterName(name)) {
            throw new InvalidInputException("cycle", unknown(name) + "; an import creates only quarters named like 2026-Q4,"
                    + " other cycles must be created first");
        }
        c = Cycle.quarter(name);
        byName.put(c.getName(), c);
        created.add(c);
        return c;
    }

    List<Cycle> created() {
        return created;
    }

    static String unknown(String name) {
        return "no cycle '" + ImportRow.abbreviate(name) + "'";
    }
}
