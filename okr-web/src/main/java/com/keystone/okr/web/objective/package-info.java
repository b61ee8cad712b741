/** Objectives, key results and check-ins: the services that change them and check who may. */
package com.keystone.okr.web.objective;
