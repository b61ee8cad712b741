/** The organisation tree: the service that shapes it. */
package com.keystone.okr.web.unit;
