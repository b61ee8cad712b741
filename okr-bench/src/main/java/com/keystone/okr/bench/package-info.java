/**
 * Benchmarks (see docs/benchmarks.md): JMH benchmarks of the reporting engine on generated
 * companies, and a load generator that imports a generated company into the running jar and
 * measures it over HTTP.
 */
package com.keystone.okr.bench;
