/** MicroProfile Health checks: readiness (start-up done, database reachable) and liveness. */
package com.keystone.okr.web.health;
