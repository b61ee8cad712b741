/** Cycles: the time boxes (usually quarters) in which objectives are set, checked in and graded. */
package com.keystone.okr.domain.cycle;
