package com.keystone.okr.web.imports;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.Text;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The problems found so far in one import; an identical problem is kept once. */
public final class ErrorList {

    private final Set<RowError> errors = new LinkedHashSet<>();
    private final Set<Integer> badRows = new HashSet<>();

    public void add(Integer row, String column, String message) {
        add(new RowError(row, column, message));
    }

    /** A problem that the upload page shows in its language (the API in English, {@link Text#english()}). */
    void add(Integer row, String column, Text text) {
        add(new RowError(row, column, text.english(), text));
    }

    private void add(RowError e) {
        errors.add(e);
        if (e.row() != null) {
            badRows.add(e.row());
        }
    }

    /** A domain refusal, at the column it names when that is one of the kind's columns, else at {@code fallbackColumn}. */
    void add(int row, InvalidInputException e, ImportKind kind, String fallbackColumn) {
        String field = e.getField();
        add(row, field != null && kind.columns().contains(field) ? field : fallbackColumn, e);
    }

    /** A domain refusal at {@code column}, in the page's language where the domain has the text. */
    void add(Integer row, String column, InvalidInputException e) {
        add(new RowError(row, column, e.getMessage(), e.text()));
    }

    void addAll(List<RowError> more) {
        more.forEach(this::add);
    }

    boolean hasErrorIn(int row) {
        return badRows.contains(row);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** How many problems there are. */
    public int size() {
        return errors.size();
    }

    /** Every problem, file-wide ones (no row) first, then by row in the order found. */
    public List<RowError> sorted() {
        List<RowError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparing(RowError::row, Comparator.nullsFirst(Comparator.naturalOrder())));
        return sorted;
    }

    /** Throws the rejection with every problem, file-wide ones (no row) first, then by row in the order found. */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(sorted());
        }
    }
}
