/**
 * Benchmarks and the load generator: plain {@code main} programs run by hand (see
 * docs/benchmarks.md), never by the test suite, because timings on a shared machine are not
 * assertions.
 */
package vn.hoinghi.bench;
