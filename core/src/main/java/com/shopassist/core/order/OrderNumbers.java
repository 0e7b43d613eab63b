package com.shopassist.core.order;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Order numbers shoppers read: SA-20261125-000123, the store's date and the order id. */
public final class OrderNumbers {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private OrderNumbers() {}

    public static String of(long orderId, Instant createdAt, ZoneId zone) {
        return "SA-" + DAY.format(createdAt.atZone(zone).toLocalDate()) + "-" + String.format("%06d", orderId);
    }
}
