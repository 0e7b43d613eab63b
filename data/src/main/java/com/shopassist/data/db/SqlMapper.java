package com.shopassist.data.db;

/**
 * Marker of MyBatis mapper interfaces. {@link Database} registers every interface under
 * {@code com.shopassist.data} that extends it; its XML sits at the same path under resources.
 * Statements use {@code #{}} only, never {@code ${}}.
 */
public interface SqlMapper {}
