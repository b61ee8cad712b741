/**
 * Persistence of the domain model: repositories per aggregate (JPA, Hibernate ORM 6), the schema
 * migrations (Flyway), and the loader of cycle snapshots for the reporting engine.
 */
package com.keystone.okr.persistence;
