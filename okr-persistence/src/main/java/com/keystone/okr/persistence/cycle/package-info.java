/** Storage of cycles. */
package com.keystone.okr.persistence.cycle;
