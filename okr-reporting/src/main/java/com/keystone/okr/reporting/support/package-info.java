/** Small helpers the rule packages share: the order of unit paths and a loop-safe dependency order. */
package com.keystone.okr.reporting.support;
