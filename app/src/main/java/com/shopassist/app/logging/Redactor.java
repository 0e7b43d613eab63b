package com.shopassist.app.logging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes contact details out of a log value: email addresses, phone numbers in the ways people
 * type them in Indonesia and abroad ("0812-3456-7890", "+62 812 3456 7890", "(021) 555 1234"),
 * and street addresses ("Jl. Sudirman No. 5", "Jalan Merdeka 10", "12 Baker Street", "Gang
 * Mawar"). Each becomes a marker ({@code [email]}, {@code [phone]}, {@code [address]}), so a
 * line still says that something was there. Prices ("Rp 1.250.000"), ids, UUIDs and times are
 * left alone: phone numbers need a leading 0, + or 62 and more digits than a price has groups,
 * and 62 followed by dotted groups of three ("62.500.000.000") is read as a price. "Road", "lane"
 * and "drive" count as an address only after a house number ("a road trip", "hard drive").
 *
 * <p>This is the net under the rule that code logs ids, not what a shopper typed: it catches a
 * contact detail that reaches a line through an exception message or a library.
 */
public final class Redactor {

    private record Rule(Pattern pattern, String marker) {}

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("[\\w.%+-]+@[\\w-]+(?:\\.[\\w-]+)+"), "[email]"),
            // Indonesian mobiles and land lines: 08xx / +62 8xx / 62 8xx / (021) ..., grouped by space, dot or dash;
            // not in "1.000.000.000" (a group of a number), and not "62.500.000.000": 62 followed by
            // dotted groups of three is a price in rupiah
            new Rule(
                    Pattern.compile(
                            "(?<![\\w+])(?<!\\d[.,])(?!62(?:\\.\\d{3})+(?!\\.?\\d))(?:\\+\\s?62|62|0)[\\s.-]?\\(?\\d{2,4}\\)?(?:[\\s.-]?\\d{3,4}){2,3}(?![\\w])"),
                    "[phone]"),
            new Rule(Pattern.compile("\\(0\\d{1,3}\\)\\s?\\d{3,4}[\\s.-]?\\d{3,4}"), "[phone]"),
            // any other international number: + and 8 to 15 digits
            new Rule(Pattern.compile("\\+\\d(?:[\\s.-]?\\d){7,14}(?!\\w)"), "[phone]"),
            // Indonesian street names run to the next comma, full stop at a line end, or line break
            new Rule(
                    Pattern.compile(
                            "(?i)\\b(?:jl|jln|jalan|gg|gang|komp|komplek|perum|perumahan)\\b\\.?\\s+[^,;\\n\"]{1,80}"),
                    "[address]"),
            new Rule(
                    Pattern.compile("(?i)\\b(?:rt|rw)\\.?\\s?\\d{1,3}\\s?/\\s?(?:rw\\.?\\s?)?\\d{1,3}\\b"),
                    "[address]"),
            // "12 Baker Street", "1600 Pennsylvania Avenue NW", "4 Privet Drive": with a house number, any kind
            new Rule(
                    Pattern.compile(
                            "(?i)\\b\\d{1,5}[a-z]?\\s+(?:[\\p{L}'-]+\\s+){1,4}(?:street|st\\.|road|rd\\.|avenue|ave\\.|lane|boulevard|blvd|drive)(?!\\w)"),
                    "[address]"),
            // "Baker St.", "Orchard Rd.": without one, not road, lane or drive ("a road trip", "hard drive")
            new Rule(
                    Pattern.compile(
                            "(?i)(?:\\b[\\p{L}'-]+\\s+){1,4}(?:street|st\\.|rd\\.|avenue|ave\\.|boulevard|blvd)(?!\\w)"),
                    "[address]"),
            new Rule(Pattern.compile("(?i)\\bstreet\\b"), "[address]"));

    private Redactor() {}

    /** The value with its contact details replaced; the same instance when there was nothing to take out. */
    public static String redact(String value) {
        if (value == null || value.isEmpty() || !mayHoldContact(value)) return value;
        String out = value;
        for (Rule r : RULES) {
            Matcher m = r.pattern.matcher(out);
            if (m.find()) out = m.replaceAll(r.marker);
        }
        return out;
    }

    /**
     * A cheap pass before the patterns: every one of them needs an @, a run of digits, or one of a
     * few words. Most log values (class names, counts, ids) have none and cost one scan.
     */
    static boolean mayHoldContact(String v) {
        int digits = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '@') return true;
            if (c >= '0' && c <= '9') {
                if (++digits >= 7) return true;
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '+') {
                digits = 0;
            }
        }
        String lower = v.toLowerCase(java.util.Locale.ROOT);
        for (String w : WORDS) if (lower.contains(w)) return true;
        return false;
    }

    private static final String[] WORDS = {
        "jl",
        "jalan",
        "gg",
        "gang",
        "komp",
        "perum",
        "rt",
        "rw",
        "street",
        "st.",
        "road",
        "rd.",
        "avenue",
        "ave.",
        "lane",
        "boulevard",
        "blvd",
        "drive"
    };
}
