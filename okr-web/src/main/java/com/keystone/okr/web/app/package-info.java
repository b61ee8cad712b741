/** Backing beans of the pages under /app: each serves the page of the same name (app/index.xhtml → DashboardBacking). */
package com.keystone.okr.web.app;
