/** Storage of people, their company-wide roles and their memberships in units. */
package com.keystone.okr.persistence.person;
