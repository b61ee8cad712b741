/** JMH benchmarks of the reporting engine on generated companies (see docs/benchmarks.md). */
package com.keystone.okr.bench;
