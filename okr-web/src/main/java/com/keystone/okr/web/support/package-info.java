/** What the services share: the typed exceptions the web layer turns into messages and status codes. */
package com.keystone.okr.web.support;
