/** Start-up: schema migration, the first administrator, the demo company, and the readiness state. */
package com.keystone.okr.web.startup;
