/** The OKR coach: quality findings about a cycle's objectives, key results and the company's KPIs (R8). */
package com.keystone.okr.reporting.quality;
