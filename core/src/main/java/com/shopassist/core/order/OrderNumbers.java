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

    /** Whether text looks like an order number (for tools deciding between a number and an id). */
    public static boolean looksLikeOrderNumber(String text) {
        return text != null && text.strip().toUpperCase().matches("SA-\\d{8}-\\d{6,}");
    }
}
