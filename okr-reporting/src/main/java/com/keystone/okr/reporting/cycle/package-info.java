/** Time within a cycle: how much of it has elapsed, and whether progress keeps pace with it (R5). */
package com.keystone.okr.reporting.cycle;
