/**
 * Browser tests: the built uber-jar with the demo company, started once per test JVM
 * ({@link com.keystone.okr.web.browser.Keystone}), driven through Debian's Chromium and its
 * ChromeDriver ({@link com.keystone.okr.web.browser.Browser}) the way people use it: signing in,
 * menus by role, checking in, language, a phone-sized screen, and the attacks a browser makes
 * possible (forged form posts, script in user text, pages a role may not open).
 * {@link com.keystone.okr.web.browser.BrowserExtension} wires it into JUnit 5.
 */
package com.keystone.okr.web.browser;
