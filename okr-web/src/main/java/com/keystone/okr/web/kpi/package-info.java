/** KPIs and their measurements: the services that change them and check who may. */
package com.keystone.okr.web.kpi;
