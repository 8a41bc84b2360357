package dev.precog.model;

import java.time.Instant;

/**
 * A forecast value at one future moment, with its 95% prediction interval ({@code low},
 * {@code high}) and its 80% interval ({@code low80}, {@code high80}).
 */
public record ForecastPoint(Instant at, double value, double low, double high, double low80, double high80) {}
