/** The KPI board (app/kpis.xhtml): KPI values, statuses, weekly trends, roll-up and ratio parts, recording measurements. */
package com.keystone.okr.web.app.kpi;
