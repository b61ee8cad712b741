/**
 * Keystone's domain model: org units, people, cycles, objectives with their key results and
 * check-ins, KPIs with their measurements, and the audit trail. Each sub-package is one
 * capability; entities guard their own invariants and refuse invalid states with an
 * {@link com.keystone.okr.domain.InvalidInputException} that names the field.
 */
package com.keystone.okr.domain;
