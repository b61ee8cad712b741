/** Wiring of the product to its environment: the data source and the configuration keys. */
package com.keystone.okr.web.config;
