/** The organisation tree: the company, its departments and teams, addressed by path. */
package com.keystone.okr.domain.unit;
