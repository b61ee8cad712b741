/**
 * The OKR pages: the alignment tree of a cycle (app/alignment.xhtml), one objective with the
 * explanation of its progress, its key results' check-ins and forecasts, grades and audit history
 * (app/objective.xhtml), and the editor of an objective with its key results (app/editor.xhtml).
 * The backing beans read figures from the reporting engine and change data through the shared
 * services; the few small reads the pages need besides (owner choices, the audit lines) live here.
 */
package com.keystone.okr.web.app.okr;
