/**
 * Reads the whole company for a backup: every table in a few ordered, streamed queries inside one
 * consistent snapshot of the database, as plain rows (no entities, no lazy loading, no N+1).
 */
package com.keystone.okr.persistence.backup;
