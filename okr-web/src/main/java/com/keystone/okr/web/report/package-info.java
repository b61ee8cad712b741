/** Reading results: roll-ups, KPI values and the OKR coach's findings, as of any date. */
package com.keystone.okr.web.report;
