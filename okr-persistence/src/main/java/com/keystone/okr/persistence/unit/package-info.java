/** Storage of the organisation tree. */
package com.keystone.okr.persistence.unit;
