/** Storage of objectives, key results and check-ins. */
package com.keystone.okr.persistence.objective;
