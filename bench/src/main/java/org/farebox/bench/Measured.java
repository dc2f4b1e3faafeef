package org.farebox.bench;

/** One benchmark's sampled latencies, in milliseconds. */
public record Measured(String benchmark, long samples, double p50, double p99, double mean, double max) {
}
