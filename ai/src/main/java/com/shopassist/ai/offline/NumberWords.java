package com.shopassist.ai.offline;

import java.util.List;
import java.util.Map;

/**
 * Numbers as shoppers type them, in English and Indonesian: digits, words ("dua", "two",
 * "dua belas", "seratus"), ordinals ("kedua", "second", "2nd", "ke-2") and rupiah amounts with
 * shorthand ("500k", "500rb", "1,5 jt", "dua juta", "Rp 1.250.000", "setengah juta").
 */
final class NumberWords {
    private NumberWords() {}

    static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("nol", 0),
            Map.entry("zero", 0),
            Map.entry("satu", 1),
            Map.entry("se", 1),
            Map.entry("one", 1),
            Map.entry("a", 1),
            Map.entry("an", 1),
            Map.entry("dua", 2),
            Map.entry("two", 2),
            Map.entry("tiga", 3),
            Map.entry("three", 3),
            Map.entry("empat", 4),
            Map.entry("four", 4),
            Map.entry("lima", 5),
            Map.entry("five", 5),
            Map.entry("enam", 6),
            Map.entry("six", 6),
            Map.entry("tujuh", 7),
            Map.entry("seven", 7),
            Map.entry("delapan", 8),
            Map.entry("eight", 8),
            Map.entry("sembilan", 9),
            Map.entry("nine", 9),
            Map.entry("sepuluh", 10),
            Map.entry("ten", 10),
            Map.entry("sebelas", 11),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("thirteen", 13),
            Map.entry("fourteen", 14),
            Map.entry("fifteen", 15),
            Map.entry("sixteen", 16),
            Map.entry("seventeen", 17),
            Map.entry("eighteen", 18),
            Map.entry("nineteen", 19),
            Map.entry("twenty", 20),
            Map.entry("thirty", 30),
            Map.entry("forty", 40),
            Map.entry("fifty", 50),
            Map.entry("sixty", 60),
            Map.entry("seventy", 70),
            Map.entry("eighty", 80),
            Map.entry("ninety", 90),
            Map.entry("seratus", 100),
            Map.entry("seribu", 1000),
            Map.entry("sejuta", 1_000_000),
            Map.entry("setengah", -2), // half: handled by the caller
            Map.entry("half", -2),
            Map.entry("pair", 2),
            Map.entry("sepasang", 1),
            Map.entry("couple", 2),
            Map.entry("dozen", 12),
            Map.entry("selusin", 12));

    /** Quantity words only (no "a"/"an"/"se": too common to count as numbers on their own). */
    static final Map<String, Integer> QUANTITY_WORDS = Map.ofEntries(
            Map.entry("satu", 1),
            Map.entry("one", 1),
            Map.entry("dua", 2),
            Map.entry("two", 2),
            Map.entry("tiga", 3),
            Map.entry("three", 3),
            Map.entry("empat", 4),
            Map.entry("four", 4),
            Map.entry("lima", 5),
            Map.entry("five", 5),
            Map.entry("enam", 6),
            Map.entry("six", 6),
            Map.entry("tujuh", 7),
            Map.entry("seven", 7),
            Map.entry("delapan", 8),
            Map.entry("eight", 8),
            Map.entry("sembilan", 9),
            Map.entry("nine", 9),
            Map.entry("sepuluh", 10),
            Map.entry("ten", 10),
            Map.entry("sebelas", 11),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("selusin", 12),
            Map.entry("dozen", 12),
            Map.entry("twenty", 20),
            Map.entry("couple", 2),
            Map.entry("sepasang", 1));

    static final Map<String, Integer> ORDINALS = Map.ofEntries(
            Map.entry("first", 1),
            Map.entry("pertama", 1),
            Map.entry("1st", 1),
            Map.entry("second", 2),
            Map.entry("kedua", 2),
            Map.entry("2nd", 2),
            Map.entry("third", 3),
            Map.entry("ketiga", 3),
            Map.entry("3rd", 3),
            Map.entry("fourth", 4),
            Map.entry("keempat", 4),
            Map.entry("4th", 4),
            Map.entry("fifth", 5),
            Map.entry("kelima", 5),
            Map.entry("5th", 5),
            Map.entry("sixth", 6),
            Map.entry("keenam", 6),
            Map.entry("6th", 6),
            Map.entry("seventh", 7),
            Map.entry("ketujuh", 7),
            Map.entry("7th", 7),
            Map.entry("eighth", 8),
            Map.entry("kedelapan", 8),
            Map.entry("8th", 8),
            Map.entry("ninth", 9),
            Map.entry("kesembilan", 9),
            Map.entry("9th", 9),
            Map.entry("tenth", 10),
            Map.entry("kesepuluh", 10),
            Map.entry("10th", 10));

    static final Map<String, Long> MULTIPLIERS = Map.ofEntries(
            Map.entry("k", 1_000L),
            Map.entry("rb", 1_000L),
            Map.entry("rbu", 1_000L),
            Map.entry("ribu", 1_000L),
            Map.entry("ribuan", 1_000L),
            Map.entry("thousand", 1_000L),
            Map.entry("jt", 1_000_000L),
            Map.entry("jta", 1_000_000L),
            Map.entry("juta", 1_000_000L),
            Map.entry("jutaan", 1_000_000L),
            Map.entry("m", 1_000_000L),
            Map.entry("mio", 1_000_000L),
            Map.entry("million", 1_000_000L),
            Map.entry("millions", 1_000_000L));

    static final List<String> HUNDREDS = List.of("ratus", "hundred");

    /** "1.250.000" -> 1250000, "1,5" -> 1.5, "250000" -> 250000; null if not a number. */
    static Double parseDigits(String s) {
        if (s.isEmpty() || s.length() > 18) return null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isDigit(c) || c == '.' || c == ',')) return null;
        }
        if (!Character.isDigit(s.charAt(0)) || !Character.isDigit(s.charAt(s.length() - 1))) return null;
        if (s.matches("\\d{1,3}([.,]\\d{3})+")) {
            return Double.parseDouble(s.replace(".", "").replace(",", ""));
        }
        if (s.matches("\\d+")) return Double.parseDouble(s);
        if (s.matches("\\d+[.,]\\d{1,2}")) return Double.parseDouble(s.replace(',', '.'));
        return null;
    }

    /** A whole number 0..999999 from digits, or null. */
    static Integer integer(String token) {
        if (token.length() > 6) return null;
        for (int i = 0; i < token.length(); i++) if (!Character.isDigit(token.charAt(i))) return null;
        return token.isEmpty() ? null : Integer.parseInt(token);
    }
}
