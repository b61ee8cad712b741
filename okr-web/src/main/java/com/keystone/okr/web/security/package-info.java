/** Authentication and authorisation: password hashing, identity store, roles. */
package com.keystone.okr.web.security;
