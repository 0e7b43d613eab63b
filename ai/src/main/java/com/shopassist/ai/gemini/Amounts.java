package com.shopassist.ai.gemini;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads rupiah amounts the ways shoppers and models write them: with a currency ("Rp 1.250.000",
 * "Rp1,250,000", "IDR 1.250.000", "Rp. 2 juta"), with a scale word and no currency ("1,25 juta",
 * "1.2jt", "800 ribu", "800rb", "800k", "1.5 million"), and as a bare number grouped in thousands
 * ("1.250.000", "1,250,000"). A bare grouped number followed by a unit that is not money ("5.000
 * mAh", "10.000 steps") is not an amount.
 */
final class Amounts {

    /** An amount in whole rupiah at [start, end) of the text it was read from. */
    record Amount(long value, int start, int end) {
        boolean overlaps(int s, int e) {
            return start < e && s < end;
        }
    }

    private static final String GROUPED = "\\d{1,3}(?:\\.\\d{3})+(?:,\\d{1,2})?|\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,2})?";
    private static final String PLAIN = "\\d+(?:[.,]\\d+)?";
    private static final String SCALE = "juta|jt|ribu|rbu|rb|k|million|mio|thousand|miliar|milyar|billion";

    private static final Pattern AMOUNT = Pattern.compile("(?i)"
            // 1, 2: with a currency, a scale word optional
            + "\\b(?:rp|idr)\\.?\\s?(" + GROUPED + "|" + PLAIN + ")(?:\\s?(" + SCALE + ")\\b)?"
            // 3, 4: a scale word, no currency
            + "|(?<![\\d.,])(" + PLAIN + ")\\s?(" + SCALE + ")\\b"
            // 5: a bare number grouped in thousands
            + "|(?<![\\d.,\\p{L}#])(" + GROUPED + ")(?![.,]?\\d)");

    /** What after a bare grouped number says it counts something other than money. */
    private static final Pattern NOT_MONEY = Pattern.compile("(?i)^\\s?(?:mah|mm|cm|km|m|kg|g|gr|gram|ml|l|liter|litre"
            + "|w|watt|v|volt|hz|khz|mhz|ghz|kb|mb|gb|tb|mp|px|dpi|rpm|lumen|lm|lux|x|%|°|pcs|unit|units|item|items"
            + "|buah|orang|people|steps|langkah|reviews|ulasan|terjual|sold|views|kali|times|km/h|jam|hours|menit"
            + "|minutes|tahun|years|hari|days|poin|points)\\b");

    private static final Pattern CENTS = Pattern.compile("^(\\d{1,3}(?:[.,]\\d{3})+)[.,]\\d{1,2}$");

    private Amounts() {}

    /** The amounts in the text, in order; none for null. */
    static List<Amount> read(String text) {
        List<Amount> out = new ArrayList<>();
        if (text == null || text.isEmpty()) return out;
        Matcher m = AMOUNT.matcher(text);
        while (m.find()) {
            Long v;
            if (m.group(1) != null) v = value(m.group(1), m.group(2));
            else if (m.group(3) != null) v = scaled(m.group(3), m.group(4));
            else v = bare(text, m.end(), m.group(5));
            if (v != null) out.add(new Amount(v, m.start(), m.end()));
        }
        return out;
    }

    /** The values only, in order. */
    static List<Long> values(String text) {
        return read(text).stream().map(Amount::value).toList();
    }

    private static Long value(String digits, String scale) {
        return scale != null ? scaled(digits, scale) : whole(digits);
    }

    private static Long bare(String text, int end, String digits) {
        if (NOT_MONEY
                .matcher(text.substring(end, Math.min(text.length(), end + 12)))
                .find()) return null;
        return whole(digits);
    }

    /** "1.250.000", "1,250,000", "1.250.000,00", "699000": the separator of thousands dropped. */
    private static Long whole(String digits) {
        String d = digits;
        // a decimal tail after grouped thousands ("1.250.000,00", "1,250,000.50") is cents: dropped
        Matcher cents = CENTS.matcher(d);
        if (cents.matches()) d = cents.group(1);
        if (d.matches("\\d{1,3}(?:[.,]\\d{3})+")) return parse(d.replaceAll("[.,]", ""), 1);
        // "1.5" with no scale word: a decimal, not an amount of rupiah worth reading
        if (!d.matches("\\d+")) return null;
        return parse(d, 1);
    }

    /** "1,25 juta", "1.2jt", "800rb": a decimal comma or point, times the scale. */
    private static Long scaled(String digits, String scale) {
        String s = scale.toLowerCase(Locale.ROOT);
        long mult = switch (s) {
            case "juta", "jt", "million", "mio" -> 1_000_000L;
            case "miliar", "milyar", "billion" -> 1_000_000_000L;
            default -> 1_000L;
        };
        // "4k" is a screen, "800k" is money: a lone k needs two digits before it
        if (s.equals("k") && digits.replaceAll("\\D", "").length() < 2) return null;
        return parse(digits.replace(',', '.'), mult);
    }

    private static Long parse(String number, long mult) {
        try {
            return new BigDecimal(number)
                    .multiply(BigDecimal.valueOf(mult))
                    .setScale(0, RoundingMode.HALF_UP)
                    .longValueExact();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
