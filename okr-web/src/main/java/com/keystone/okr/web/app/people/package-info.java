/** Outcomes by person (app/people/outcomes.xhtml): for HR and administrators, what each person owns in the cycle and how it went. */
package com.keystone.okr.web.app.people;
