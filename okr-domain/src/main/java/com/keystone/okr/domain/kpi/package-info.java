/** KPIs, the always-on dashboard: measured or computed (roll-ups, ratios), and their measurements. */
package com.keystone.okr.domain.kpi;
