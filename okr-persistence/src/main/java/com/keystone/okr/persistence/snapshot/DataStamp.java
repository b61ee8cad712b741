package com.keystone.okr.persistence.snapshot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A stamp of everything a report is computed from, read in one query: it changes whenever a
 * unit, cycle, objective, key result, check-in, KPI or measurement is added or changed (rows
 * are never deleted; every edited row carries a {@code version} that Hibernate increments, and a
 * changed set of KPI children increments its KPI's). Two equal stamps mean equal inputs, so a
 * report computed under one can be served again, by any instance sharing the database.
 */
@ApplicationScoped
public class DataStamp {

    /** Per table: how many rows, and the sum of their versions (every edit adds one). */
    private static final String SQL = "select "
            + "(select count(*) from check_in), (select max(id) from check_in), "
            + "(select count(*) || ':' || coalesce(sum(version), 0) from measurement), "
            + "(select count(*) || ':' || coalesce(sum(version), 0) from key_result), "
            + "(select count(*) || ':' || coalesce(sum(version), 0) from objective), "
            + "(select count(*) || ':' || coalesce(sum(version), 0) from kpi), "
            + "(select count(*) from kpi_child), "
            + "(select count(*) || ':' || coalesce(sum(version), 0) from org_unit), "
            + "(select count(*) || ':' || coalesce(sum(version), 0) from cycle)";

    @PersistenceContext(unitName = "okr")
    EntityManager em;

    public DataStamp() {
        // for CDI
    }

    public DataStamp(EntityManager em) {
        this.em = em;
    }

    /** The current stamp, e.g. {@code 94000|94113|13944:14002|...}. */
    public String current() {
        Object[] row = (Object[]) em.createNativeQuery(SQL).getSingleResult();
        return Arrays.stream(row).map(String::valueOf).collect(Collectors.joining("|"));
    }
}
