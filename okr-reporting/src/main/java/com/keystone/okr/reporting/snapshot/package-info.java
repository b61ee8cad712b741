/**
 * The input of the reporting engine: an immutable, flat snapshot of one cycle (its units,
 * objectives, key results and check-ins) and of every KPI of the company with its measurements,
 * as the persistence layer loads them in a few set-based queries. Rows refer to each other by
 * id; {@link com.keystone.okr.reporting.snapshot.SnapshotIndex} builds the maps by id once, so
 * that a whole cycle is computed in time linear in its size.
 */
package com.keystone.okr.reporting.snapshot;
