/** The transactional service around the CSV importer: all or nothing, admins only. */
package com.keystone.okr.web.importing;
