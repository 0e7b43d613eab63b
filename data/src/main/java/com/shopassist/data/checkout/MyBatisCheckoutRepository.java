package com.shopassist.data.checkout;

import com.shopassist.core.checkout.CheckoutRepository;
import java.time.Instant;
import java.util.Optional;

/** Checkout idempotency keys in PostgreSQL. */
public final class MyBatisCheckoutRepository implements CheckoutRepository {

    private final CheckoutMapper mapper;

    public MyBatisCheckoutRepository(CheckoutMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Optional<CheckoutRecord> find(String idempotencyKey) {
        return mapper.find(idempotencyKey);
    }

    @Override
    public boolean insert(String idempotencyKey, long customerId, long orderId, Instant now) {
        return mapper.insert(idempotencyKey, customerId, orderId, now) == 1;
    }
}
