package com.shopassist.core.customer;

import java.time.Instant;

/** A customer (or a clerk: role CLERK). Never carries the password hash. */
public record Customer(
        long id,
        String fullName,
        String email,
        Integer age,
        String gender,
        String phone,
        Role role,
        Tier tier,
        Instant createdAt) {

    public enum Role {
        CUSTOMER,
        CLERK
    }

    /**
     * The assistant's daily token budget follows the tier (guests have none); ENTERPRISE has no
     * budget of its own, only the store's daily cap.
     */
    public enum Tier {
        FREE,
        PREMIUM,
        ENTERPRISE
    }
}
