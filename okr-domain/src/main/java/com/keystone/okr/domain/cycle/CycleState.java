package com.keystone.okr.domain.cycle;

/** A cycle moves PLANNING → ACTIVE → CLOSED, never back. */
public enum CycleState {
    PLANNING, ACTIVE, CLOSED
}
