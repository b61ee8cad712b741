/**
 * Backup and restore of the whole company: a zip of CSV files in the imports' formats (with the
 * columns a backup needs besides) and a manifest, written as it is read from one snapshot of the
 * database, and restored all or nothing into a database without a company.
 */
package com.keystone.okr.web.backup;
