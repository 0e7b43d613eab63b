package com.shopassist.core.order;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Order numbers shoppers read: SA-20261125-000123, the store's date and the order id. */
public final class OrderNumbers {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private OrderNumbers() {}

    public static String of(long orderId, Instant createdAt, ZoneId zone) {
        return "SA-" + DAY.format(createdAt.atZone(zone).toLocalDate()) + "-" + String.format("%06d", orderId);
    }

    /**
     * An order number as a shopper or a model writes it, in any letter case and anywhere in a
     * sentence ("status of sa-20261125-000123?"): the one pattern the assistants look for.
     */
    public static final Pattern IN_TEXT = Pattern.compile("(?i)\\b(SA-\\d{8}-\\d{1,10})\\b");

    /** Whether the whole of {@code text} is one order number (as opposed to an id or a word). */
    public static boolean isOrderNumber(String text) {
        return text != null && IN_TEXT.matcher(text.strip()).matches();
    }

    /** The first order number in {@code text}, upper case, or null. */
    public static String find(String text) {
        if (text == null) return null;
        Matcher m = IN_TEXT.matcher(text);
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : null;
    }
}
