/** The web tier: start-up, configuration, health, metrics, demo data, and (later) the Faces UI and REST API. */
package com.keystone.okr.web;
