/** The database connection and the schema migrations that run at start. */
package com.keystone.okr.persistence.db;
