package com.shopassist.data.loadtest;

/** A product whose holds break its stock: live holds above the stock, or a reserved counter that drifted. */
public record ProductBreach(long productId, String name, int stock, int reserved, long liveHeld, long allHeld) {}
