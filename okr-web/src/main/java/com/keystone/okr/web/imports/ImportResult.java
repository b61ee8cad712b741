package com.keystone.okr.web.imports;

import java.io.Serializable;

/**
 * What an import stored. {@code created} and {@code updated} are the contract's fields;
 * {@code unchanged} counts rows that were already stored as they are (check-ins and
 * measurements; for OKRs and KPIs every matched key counts as updated).
 */
public record ImportResult(int created, int updated, int unchanged) implements Serializable {
}
