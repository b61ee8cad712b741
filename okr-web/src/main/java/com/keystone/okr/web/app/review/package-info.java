/** The HR quarterly review (app/review.xhtml): grades, check-in discipline and KPI statuses per unit, with exports. */
package com.keystone.okr.web.app.review;
