package com.shopassist.core.customer;

import java.time.Instant;

/** A signed-in session. {@code token} is shown once; only its digest is stored. */
public record Session(String token, Customer customer, Instant expiresAt) {}
