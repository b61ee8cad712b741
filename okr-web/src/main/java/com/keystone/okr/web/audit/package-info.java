/** The audit trail: one bean every write path records its changes with, and the reads of the history. */
package com.keystone.okr.web.audit;
