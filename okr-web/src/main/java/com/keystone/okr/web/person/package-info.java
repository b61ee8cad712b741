/** People and their roles: the service that manages them. */
package com.keystone.okr.web.person;
