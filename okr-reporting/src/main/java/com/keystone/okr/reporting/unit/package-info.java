/** Org units: a unit's progress in a cycle from its own top-level objectives (R3). */
package com.keystone.okr.reporting.unit;
