/**
 * The reporting engine: the one implementation of the OKR and KPI rules (docs/rules.md,
 * R1 to R8) that the UI, the REST API, the exports and the benchmarks call. Plain Java over an
 * immutable {@link com.keystone.okr.reporting.snapshot.CycleSnapshot}: no database, no server.
 * {@link com.keystone.okr.reporting.OkrEngine} is the entry point; the sub-packages hold one
 * rule family each, by capability (objective, unit, kpi, cycle, quality).
 */
package com.keystone.okr.reporting;
