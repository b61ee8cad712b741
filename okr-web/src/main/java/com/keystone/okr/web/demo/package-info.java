/** The demo company loaded with {@code okr.demo=true}: for trying the product out, never for production. */
package com.keystone.okr.web.demo;
