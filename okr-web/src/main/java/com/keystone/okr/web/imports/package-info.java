/**
 * CSV imports of OKRs, check-ins, KPIs and measurements (the {@code POST /api/v1/import/{kind}}
 * contract of {@code docs/interfaces.md}): parsing, checking every row, and storing all or
 * nothing inside the caller's transaction.
 */
package com.keystone.okr.web.imports;
