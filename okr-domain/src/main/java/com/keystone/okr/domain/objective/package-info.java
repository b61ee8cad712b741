/** Objectives, their key results and the append-only check-ins on them; the cascade and grades. */
package com.keystone.okr.domain.objective;
