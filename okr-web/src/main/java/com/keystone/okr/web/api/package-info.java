/** The REST API (JAX-RS, JSON) of docs/interfaces.md, with the decisions of docs/api.md. */
package com.keystone.okr.web.api;
