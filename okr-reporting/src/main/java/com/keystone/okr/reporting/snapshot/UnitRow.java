package com.keystone.okr.reporting.snapshot;

import java.util.Objects;

/** An org unit; the snapshot holds all units of the company. The root has no parent and depth 0. */
public record UnitRow(long id, String path, Long parentId, int depth) {

    public UnitRow {
        Objects.requireNonNull(path, "path");
    }

    public boolean isRoot() {
        return parentId == null;
    }
}
