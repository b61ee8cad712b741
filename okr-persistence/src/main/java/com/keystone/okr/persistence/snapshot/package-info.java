/** Loads a cycle's snapshot for the reporting engine in a fixed, small number of queries. */
package com.keystone.okr.persistence.snapshot;
