/** Cycles: creating, activating and closing them (closing freezes the grades). */
package com.keystone.okr.web.cycle;
