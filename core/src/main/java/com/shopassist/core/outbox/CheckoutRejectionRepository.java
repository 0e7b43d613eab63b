package com.shopassist.core.outbox;

import java.util.List;

/** Port: queued checkouts the store's database refused, where clerks see them. */
public interface CheckoutRejectionRepository {

    void record(CheckoutRejection rejection);

    /** The latest first. */
    List<CheckoutRejection> latest(int limit);
}
