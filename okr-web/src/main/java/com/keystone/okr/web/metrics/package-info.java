/** Business metrics (MicroProfile Metrics) behind one small bean. */
package com.keystone.okr.web.metrics;
