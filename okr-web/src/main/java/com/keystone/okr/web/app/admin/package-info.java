/**
 * Backing beans of the admin pages under /app/admin (units, people, cycles): each page refuses
 * non-admins up front and delegates every change to the unit, person and cycle services, which
 * check the rules again.
 */
package com.keystone.okr.web.app.admin;
