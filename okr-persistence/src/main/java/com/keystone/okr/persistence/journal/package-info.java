/**
 * The change journal: a clock that every write transaction moves on, and the rows each version
 * changed, captured from Hibernate's events so that no write path can forget them.
 */
package com.keystone.okr.persistence.journal;
