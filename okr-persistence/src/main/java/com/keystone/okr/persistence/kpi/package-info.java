/** Storage of KPIs and their measurements. */
package com.keystone.okr.persistence.kpi;
