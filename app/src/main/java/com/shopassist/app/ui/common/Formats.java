package com.shopassist.app.ui.common;

import com.shopassist.core.money.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Rupiah and dates as shoppers read them. */
public final class Formats {
    private Formats() {}

    /** "Rp 1.250.000" in both languages: the format on Indonesian price tags. */
    public static String rupiah(Money money) {
        return money == null ? "" : money.format();
    }

    /** A discount shown as a deduction: "-Rp 50.000" ("Rp 0" when none). */
    public static String minus(Money money) {
        if (money == null || money.isZero()) return Money.ZERO.format();
        return "-" + money.format();
    }

    public static String dateTime(Instant when, Locale locale) {
        if (when == null) return "";
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(ZoneId.systemDefault())
                .format(when);
    }

    /** Parses what a shopper types as a price ("1.250.000", "1250000", "Rp 50rb", "1,5jt"); null if blank or unreadable. */
    public static Money parseRupiah(String text) {
        if (text == null) return null;
        String s = text.trim().toLowerCase(Locale.ROOT).replace("rp", "").replace(" ", "");
        if (s.isEmpty()) return null;
        long multiplier = 1;
        if (s.endsWith("rb") || s.endsWith("k")) {
            multiplier = 1_000;
            s = s.substring(0, s.length() - (s.endsWith("rb") ? 2 : 1));
        } else if (s.endsWith("jt") || s.endsWith("m")) {
            multiplier = 1_000_000;
            s = s.substring(0, s.length() - (s.endsWith("jt") ? 2 : 1));
        }
        try {
            if (multiplier > 1) {
                java.math.BigDecimal v = new java.math.BigDecimal(s.replace(',', '.'));
                return Money.of(v.multiply(java.math.BigDecimal.valueOf(multiplier))
                        .setScale(0, java.math.RoundingMode.HALF_UP));
            }
            String digits = s.replace(".", "").replace(",", "");
            if (!digits.matches("\\d{1,15}")) return null;
            return Money.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
