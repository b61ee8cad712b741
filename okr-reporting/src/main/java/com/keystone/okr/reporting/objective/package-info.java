/**
 * Objectives and key results: key result progress from check-ins or a linked KPI (R1), the
 * cascade roll-up into objective progress (R2), grades (R4), and the forecast of a key result
 * from its check-ins (R5).
 */
package com.keystone.okr.reporting.objective;
