package dev.precog.model;

import java.time.Instant;

/** A forecast value at one future moment, with the bounds of its prediction interval. */
public record ForecastPoint(Instant at, double value, double low, double high) {}
