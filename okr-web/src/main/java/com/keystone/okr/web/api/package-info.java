/** The REST API (JAX-RS, JSON-B) of spec/interfaces.md. */
package com.keystone.okr.web.api;
