package com.shopassist.ai.gemini;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Which language a shopper wrote in: "id" (Bahasa Indonesia) or "en". */
public final class Lang {

    private static final Pattern WORD = Pattern.compile("[^\\p{L}]+");
    private static final Set<String> ID = Set.of(
            "saya",
            "aku",
            "cari",
            "carikan",
            "mau",
            "ingin",
            "ada",
            "yang",
            "dan",
            "untuk",
            "buat",
            "tolong",
            "berapa",
            "harga",
            "keranjang",
            "beli",
            "tidak",
            "nggak",
            "gak",
            "ga",
            "enggak",
            "ya",
            "iya",
            "apa",
            "ini",
            "itu",
            "bisa",
            "dong",
            "kak",
            "murah",
            "hadiah",
            "kado",
            "tampilkan",
            "lihat",
            "stok",
            "tersedia",
            "pesanan",
            "alamat",
            "rumah",
            "kantor",
            "bayar",
            "tambah",
            "tambahkan",
            "masukkan",
            "hapus",
            "kosongkan",
            "terima",
            "kasih",
            "makasih",
            "halo",
            "selamat",
            "pagi",
            "siang",
            "malam",
            "dengan",
            "juga",
            "sudah",
            "belum",
            "kalau",
            "atau",
            "lagi",
            "pakai",
            "pake",
            "barang",
            "produk",
            "bandingkan",
            "rekomendasi",
            "jual",
            "ke",
            "di",
            "dari",
            "punya",
            "mana",
            "bagus",
            "terbaik",
            "kurang",
            "lebih",
            "sama",
            "boleh",
            "oke",
            "batal",
            "lanjut",
            "gimana",
            "bagaimana",
            "kenapa",
            "semua",
            "sisa",
            "habis",
            "diskon",
            "juta",
            "ribu",
            "rb",
            "jt");
    private static final Set<String> EN = Set.of(
            "i",
            "me",
            "my",
            "the",
            "a",
            "an",
            "and",
            "for",
            "to",
            "of",
            "is",
            "are",
            "do",
            "you",
            "have",
            "show",
            "find",
            "search",
            "want",
            "need",
            "looking",
            "please",
            "what",
            "which",
            "how",
            "much",
            "cart",
            "add",
            "remove",
            "price",
            "cheap",
            "gift",
            "buy",
            "order",
            "orders",
            "yes",
            "no",
            "with",
            "under",
            "best",
            "compare",
            "recommend",
            "stock",
            "it",
            "this",
            "that",
            "can",
            "in",
            "on",
            "hi",
            "hello",
            "thanks",
            "thank",
            "checkout",
            "voucher",
            "home",
            "office",
            "some",
            "any",
            "more",
            "less",
            "than",
            "apply",
            "clear");

    private Lang() {}

    /** Counts marker words of each language; a tie goes to {@code fallback} ("id" or "en"). */
    public static String detect(String text, String fallback) {
        if (text == null || text.isBlank()) return normalize(fallback);
        int id = 0;
        int en = 0;
        for (String w : WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (w.isEmpty()) continue;
            if (ID.contains(w)) id++;
            if (EN.contains(w)) en++;
        }
        if (id > en) return "id";
        if (en > id) return "en";
        return normalize(fallback);
    }

    public static String of(Locale locale) {
        return locale != null && "in".equals(locale.getLanguage())
                        || locale != null && "id".equals(locale.getLanguage())
                ? "id"
                : "en";
    }

    private static String normalize(String lang) {
        return "id".equals(lang) ? "id" : "en";
    }

    /** English or Indonesian text by language. */
    public static String pick(String lang, String en, String id) {
        return "id".equals(lang) ? id : en;
    }
}
