/** People who sign in, their company-wide roles (admin, HR) and their roles in units (lead, member). */
package com.keystone.okr.domain.person;
