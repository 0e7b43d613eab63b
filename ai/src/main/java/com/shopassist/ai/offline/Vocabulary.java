package com.shopassist.ai.offline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the offline assistant knows about the store's words: brands and categories (from the
 * catalog), and a small Indonesian-to-English synonym list so that Indonesian asks reach the
 * English full-text index ("sepatu lari" -> "running shoes"). Immutable; rebuilt when the
 * catalog's brands or categories change.
 */
public final class Vocabulary {

    /** Indonesian (and slang) product words -> the English words the catalog uses. Longest first wins. */
    static final Map<String, String> SYNONYMS = linked(
            "sepatu lari", "running shoes",
            "sepatu olahraga", "sports shoes",
            "kaos kaki", "socks",
            "kaus kaki", "socks",
            "jam tangan", "watch",
            "jam pintar", "smartwatch",
            "kacamata hitam", "sunglasses",
            "kacamata renang", "swim goggles",
            "celana pendek", "shorts",
            "tas ransel", "backpack",
            "tas sekolah", "school bag",
            "botol minum", "water bottle",
            "kipas angin", "fan",
            "sarung tangan", "gloves",
            "tahan air", "waterproof",
            "anti air", "waterproof",
            "tanpa kabel", "wireless",
            "perawatan kulit", "skincare",
            "alat masak", "cookware",
            "rice cooker", "rice cooker",
            "penanak nasi", "rice cooker",
            "sepatu", "shoes",
            "sendal", "sandals",
            "sandal", "sandals",
            "lari", "running",
            "tas", "bag",
            "ransel", "backpack",
            "koper", "suitcase",
            "dompet", "wallet",
            "baju", "shirt",
            "kemeja", "shirt",
            "kaos", "t-shirt",
            "kaus", "t-shirt",
            "celana", "pants",
            "rok", "skirt",
            "gaun", "dress",
            "jaket", "jacket",
            "sweter", "sweater",
            "topi", "hat",
            "kacamata", "glasses",
            "jam", "watch",
            "handuk", "towel",
            "selimut", "blanket",
            "bantal", "pillow",
            "kasur", "mattress",
            "lampu", "lamp",
            "kipas", "fan",
            "kulkas", "refrigerator",
            "setrika", "iron",
            "panci", "pot",
            "wajan", "pan",
            "penggorengan", "frying pan",
            "pisau", "knife",
            "piring", "plate",
            "gelas", "glass",
            "cangkir", "cup",
            "botol", "bottle",
            "termos", "thermos",
            "kopi", "coffee",
            "teh", "tea",
            "panas", "hot",
            "dingin", "cold",
            "hangat", "warm",
            "minuman", "drink",
            "minum", "drink",
            "makanan", "food",
            "mainan", "toy",
            "boneka", "doll",
            "buku", "book",
            "pulpen", "pen",
            "pensil", "pencil",
            "ponsel", "phone",
            "hp", "phone",
            "handphone", "phone",
            "telepon", "phone",
            "komputer", "computer",
            "kamera", "camera",
            "headset", "headphones",
            "earphone", "earphones",
            "kabel", "cable",
            "casan", "charger",
            "pengeras", "speaker",
            "televisi", "tv",
            "layar", "monitor",
            "olahraga", "sports",
            "sepeda", "bicycle",
            "bola", "ball",
            "raket", "racket",
            "matras", "mat",
            "renang", "swimming",
            "anak", "kids",
            "bayi", "baby",
            "wanita", "women",
            "perempuan", "women",
            "cewek", "women",
            "pria", "men",
            "laki-laki", "men",
            "cowok", "men",
            "hitam", "black",
            "putih", "white",
            "merah", "red",
            "biru", "blue",
            "hijau", "green",
            "kuning", "yellow",
            "abu-abu", "grey",
            "coklat", "brown",
            "cokelat", "brown",
            "ungu", "purple",
            "kecil", "small",
            "besar", "large",
            "ringan", "lightweight",
            "nirkabel", "wireless",
            "kulit", "leather",
            "kayu", "wooden",
            "kosmetik", "cosmetics",
            "parfum", "perfume",
            "sabun", "soap",
            "sampo", "shampoo",
            "krim", "cream",
            "masker", "mask",
            "dapur", "kitchen",
            "payung", "umbrella",
            "mendaki", "hiking",
            "kemah", "camping",
            "tenda", "tent",
            "headphone", "headphones",
            "menjaga", "keep",
            "membersihkan", "clean",
            "bersih", "clean",
            "lantai", "floor",
            "anjing", "dog",
            "kucing", "cat",
            "hewan", "pet",
            "mobil", "car",
            "motor", "motorcycle",
            "rambut", "hair",
            "wajah", "face",
            "muka", "face",
            "tidur", "sleep",
            "memasak", "cooking",
            "masak", "cooking",
            "belajar", "study",
            "pelari", "runner",
            "kulit wajah", "skin",
            "hedset", "headphones");

    /** Indonesian function words in an ask, for the English embedding model ("" drops the word). */
    static final Map<String, String> ASK_WORDS = linked(
            "sesuatu", "something",
            "untuk", "to",
            "buat", "for",
            "yang", "that",
            "bisa", "can",
            "tetap", "",
            "agar", "so",
            "supaya", "so",
            "biar", "so",
            "dan", "and",
            "dengan", "with",
            "di", "in",
            "ke", "to",
            "dari", "from",
            "tidak", "not",
            "nggak", "not",
            "gak", "not",
            "saat", "when",
            "waktu", "when",
            "sambil", "while");

    /** Who a gift is for, in English and Indonesian -> one English word. */
    static final Map<String, String> RECIPIENTS = linked(
            "orang tua", "parents",
            "dad", "dad",
            "father", "dad",
            "ayah", "dad",
            "bapak", "dad",
            "papa", "dad",
            "bokap", "dad",
            "mom", "mom",
            "mum", "mom",
            "mother", "mom",
            "ibu", "mom",
            "mama", "mom",
            "bunda", "mom",
            "nyokap", "mom",
            "wife", "wife",
            "istri", "wife",
            "husband", "husband",
            "suami", "husband",
            "girlfriend", "girlfriend",
            "boyfriend", "boyfriend",
            "pacar", "partner",
            "partner", "partner",
            "son", "son",
            "daughter", "daughter",
            "kid", "kid",
            "kids", "kid",
            "child", "kid",
            "children", "kid",
            "anak", "kid",
            "baby", "baby",
            "bayi", "baby",
            "teenager", "teenager",
            "teen", "teenager",
            "remaja", "teenager",
            "friend", "friend",
            "teman", "friend",
            "sahabat", "friend",
            "kawan", "friend",
            "boss", "boss",
            "bos", "boss",
            "atasan", "boss",
            "colleague", "colleague",
            "coworker", "colleague",
            "rekan", "colleague",
            "grandma", "grandma",
            "grandmother", "grandma",
            "nenek", "grandma",
            "grandpa", "grandpa",
            "grandfather", "grandpa",
            "kakek", "grandpa",
            "brother", "brother",
            "sister", "sister",
            "adik", "sibling",
            "kakak", "sibling",
            "parents", "parents");

    private final Map<String, String> brands; // lower-case -> as stored
    private final Map<String, String> categories; // lower-case (en or id) -> English name as stored
    private final int maxBrandWords;

    public Vocabulary(Collection<String> brandNames, Map<String, String> categoryNamesEnToId) {
        Map<String, String> b = new HashMap<>();
        int words = 1;
        for (String name : brandNames) {
            if (name == null || name.isBlank()) continue;
            String key = String.join(" ", TextNormalizer.tokens(name));
            if (key.isEmpty()) continue;
            b.putIfAbsent(key, name);
            words = Math.max(words, key.split(" ").length);
        }
        this.brands = Map.copyOf(b);
        this.maxBrandWords = Math.min(words, 4);
        Map<String, String> c = new HashMap<>();
        categoryNamesEnToId.forEach((en, id) -> {
            if (en == null) return;
            for (String variant : variants(en)) c.putIfAbsent(variant, en);
            if (id != null) for (String variant : variants(id)) c.putIfAbsent(variant, en);
        });
        // "shoes" finds Footwear because its Indonesian name has "sepatu", and sepatu means shoes
        SYNONYMS.forEach((idWord, en) -> {
            String cat = c.get(idWord);
            if (cat != null) {
                c.putIfAbsent(en, cat);
                if (!en.endsWith("s")) c.putIfAbsent(en + "s", cat);
            }
        });
        this.categories = Map.copyOf(c);
    }

    public static Vocabulary empty() {
        return new Vocabulary(List.of(), Map.of());
    }

    private static List<String> variants(String name) {
        String key = String.join(" ", TextNormalizer.tokens(name));
        List<String> out = new ArrayList<>();
        if (key.isEmpty()) return out;
        out.add(key);
        if (key.endsWith("s") && key.length() > 3) out.add(key.substring(0, key.length() - 1));
        else out.add(key + "s");
        // "Home & Living" -> also "home" and "living"
        for (String part : name.split("\\s*(&|,|/|\\band\\b|\\bdan\\b)\\s*")) {
            String p = String.join(" ", TextNormalizer.tokens(part));
            if (p.isEmpty() || p.equals(key)) continue;
            out.add(p);
            if (p.endsWith("s") && p.length() > 3) out.add(p.substring(0, p.length() - 1));
        }
        return out;
    }

    /** The stored brand name for these lower-case words, or null. */
    String brand(String words) {
        return brands.get(words);
    }

    Collection<String> brandKeys() {
        return brands.keySet();
    }

    int maxBrandWords() {
        return maxBrandWords;
    }

    /** The stored English category name for these lower-case words (English or Indonesian), or null. */
    String category(String words) {
        return categories.get(words);
    }

    Collection<String> categoryKeys() {
        return categories.keySet();
    }

    private static Map<String, String> linked(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
