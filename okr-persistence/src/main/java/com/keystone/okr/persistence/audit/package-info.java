/** Storage of the audit history. */
package com.keystone.okr.persistence.audit;
