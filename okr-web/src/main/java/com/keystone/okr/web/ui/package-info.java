/** What every page shares: the session's view context (cycle, as-of date, language), sign-in and sign-out. */
package com.keystone.okr.web.ui;
