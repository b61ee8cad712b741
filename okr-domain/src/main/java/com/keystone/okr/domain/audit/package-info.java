/** The audit history: who changed what and when, with the values before and after. */
package com.keystone.okr.domain.audit;
