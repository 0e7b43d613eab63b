package com.shopassist.ai.offline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cue phrases of each intent and the words that carry no product meaning, in English,
 * Indonesian and the slang in between. Phrases are matched on whole tokens after typo
 * correction, so "chekout" and "keranjng" find "checkout" and "keranjang".
 */
final class Lexicon {
    private Lexicon() {}

    static final List<String> YES = List.of(
            "yes", "y", "ya", "iya", "iyaa", "iye", "yep", "yup", "yeah", "ok", "oke", "okay", "okey", "okei", "k",
            "sure", "boleh", "lanjut", "lanjutkan", "confirm", "konfirmasi", "setuju", "betul", "benar", "bener",
            "go", "go ahead", "do it", "gas", "gass", "sip", "siap", "correct", "baik", "tentu", "of course",
            "absolutely", "deal", "yess", "proceed", "confirmed", "mau", "jadi", "yes do it", "lakukan", "gaskan",
            "go for it", "sounds good", "alright", "all right", "fine", "yakin");
    static final List<String> NO = List.of(
            "no", "n", "nope", "nah", "tidak", "tdk", "ga", "gak", "nggak", "enggak", "engga", "ngga", "gk",
            "jangan", "batal", "batalkan", "cancel", "stop", "gajadi", "ga jadi", "gak jadi", "tidak jadi",
            "nggak jadi", "never mind", "nevermind", "not now", "nanti", "nanti saja", "nanti aja", "later",
            "tidak usah", "gak usah", "ga usah", "nggak usah", "abort", "dont", "do not", "no way", "wait",
            "leave it", "forget it", "skip", "ndak", "kagak", "ogah", "nanti dulu", "tunggu", "hold on");
    static final List<String> FILLER = List.of(
            "please", "pls", "plz", "thanks", "thank", "you", "dong", "deh", "aja", "saja", "sih", "kak", "kakak",
            "min", "it", "that", "terima", "kasih", "makasih", "saya", "do", "jadi", "lah", "then", "sure", "yang",
            "so", "much", "banyak", "tq", "thx",
            "itu", "ini", "sudah", "udah", "aku", "gan", "mas", "mbak", "bro", "sis", "dulu", "for", "now", "sekarang");

    static final List<String> CLERK = List.of(
            "clerk", "staff", "human", "real person", "a person", "agent", "petugas", "pegawai", "karyawan", "kasir",
            "cashier", "pelayan", "spg", "customer service", "cs", "manusia", "operator", "manager", "salesperson",
            "shop assistant", "panggil orang", "bicara dengan orang", "ngobrol dengan orang", "employee", "attendant",
            "pramuniaga", "someone who works here");
    static final List<String> CHECKOUT = List.of(
            "checkout", "check out", "cekout", "ceckout", "bayar", "pay", "pembayaran", "place order",
            "place my order", "place the order", "order now", "pesan sekarang", "buat pesanan", "proses pesanan",
            "ship to", "deliver to", "send to", "kirim ke", "dikirim ke", "antar ke", "kirimkan ke", "kirim aja",
            "finish order", "complete order", "complete purchase", "complete my order", "selesaikan pesanan",
            "lanjut bayar", "lanjutkan pembayaran", "proceed to payment", "proceed to checkout", "kirim ke alamat",
            "ship it", "send it to", "deliver it", "kirim", "beli sekarang", "buy now", "finish my purchase");
    static final List<String> CLEAR = List.of(
            "clear", "empty", "kosongkan", "kosongin", "bersihkan", "hapus semua", "buang semua", "remove all",
            "remove everything", "delete all", "delete everything", "reset cart", "reset keranjang", "start over",
            "hapus semuanya", "buang semuanya", "clean", "throw everything", "keluarkan semua", "semua dihapus",
            "wipe", "kosongkan semuanya", "hapus isi keranjang", "reset");
    static final List<String> REMOVE = List.of(
            "remove", "hapus", "hapuskan", "hapusin", "buang", "keluarkan", "keluarin", "delete", "take out",
            "take off", "drop", "kurangi", "kurangin", "cabut", "lepas", "lepaskan", "batalkan", "get rid",
            "dont want", "tidak mau", "gak mau", "ga mau", "nggak mau", "ga jadi beli", "gak jadi beli", "minus",
            "reduce", "less", "off my cart", "off the cart", "out of my cart", "out of the cart", "dari keranjang",
            "dari troli", "nggak jadi ambil", "gak jadi ambil", "ga jadi ambil", "tidak jadi ambil", "batal beli",
            "batal ambil", "from my cart", "from the cart", "from cart");
    static final List<String> ADD_STRONG = List.of(
            "add", "tambah", "tambahkan", "tambahin", "masukkan", "masukan", "masukin", "put", "taruh",
            "i will take", "ill take", "i take", "ambil", "take", "grab", "throw in", "cemplungin", "to cart",
            "ke keranjang", "to my cart", "into cart", "into my cart", "to the cart", "add on");
    static final List<String> ADD_WEAK = List.of(
            "beli", "buy", "mau", "want", "purchase", "get", "pengen", "ingin", "pingin", "need", "butuh", "pilih",
            "choose", "id like", "i would like", "ill have", "i will have", "order", "gimme", "give me", "lemme have",
            "let me have");
    static final List<String> APPLY = List.of(
            "apply", "use", "pakai", "pake", "gunakan", "pasang", "redeem", "tukar", "tukarkan", "klaim", "claim",
            "enter", "masukkan kode", "input", "terapkan", "aktifkan", "activate", "add");
    static final List<String> VOUCHER = List.of(
            "voucher", "vouchers", "voucer", "vocer", "promo", "promos", "kupon", "coupon", "coupons", "kode promo",
            "promo code", "discount code", "kode diskon", "diskon", "discount", "discounts", "code", "kode",
            "potongan", "potongan harga", "cashback");
    static final List<String> CART = List.of(
            "cart", "keranjang", "troli", "trolley", "basket", "belanjaan", "my items", "shopping bag",
            "keranjang belanja", "carts");
    static final List<String> ADDRESS = List.of("address", "addresses", "alamat", "alamatku", "shipping address");
    static final List<String> ORDERS = List.of(
            "orders", "my order", "pesanan", "pesananku", "order history", "riwayat", "pembelian", "transaksi",
            "purchases", "my purchases", "purchase history", "order", "last order", "pesanan saya", "what did i buy",
            "bought", "apa yang saya beli", "yang pernah saya beli", "what i bought", "my purchase", "ordered",
            "what i ordered", "yang saya pesan", "pesanan kemarin");
    static final List<String> STATUS = List.of(
            "status", "track", "tracking", "lacak", "where is", "dimana", "di mana", "sampai mana", "sudah sampai",
            "udah sampai", "arrived", "arrive", "shipped", "dikirim belum", "kapan sampai", "when will", "delivered",
            "sampai kapan", "posisi", "on the way", "otw", "dalam perjalanan", "sudah dikirim", "udah dikirim",
            "on its way", "kapan datang", "when does", "eta");
    static final List<String> BRANDS = List.of(
            "brands", "brand", "merek", "merk", "merek apa", "what brands", "which brands", "daftar merek",
            "list brands", "merek apa saja", "merk apa aja", "merk apa saja", "brand apa");
    static final List<String> CATEGORIES = List.of(
            "categories", "category", "kategori", "departments", "department", "what do you sell",
            "what do you have", "jual apa", "jualan apa", "produk apa saja", "apa saja yang dijual", "browse",
            "what kind of products", "what products", "jenis produk", "macam produk", "what can i buy",
            "apa yang dijual", "barang apa saja", "daftar kategori");
    static final List<String> STOCK = List.of(
            "stock", "stok", "in stock", "available", "availability", "tersedia", "ready", "masih ada", "sisa",
            "habis", "sold out", "how many left", "ada berapa", "restock", "ready stock", "ready stok", "stocked",
            "still have", "do you have any left", "left in stock", "persediaan", "kehabisan", "masih", "any left",
            "left of", "masih ada berapa", "in store", "di toko");
    static final List<String> DETAILS = List.of(
            "detail", "details", "info", "informasi", "spec", "specs", "spesifikasi", "tell me more", "more about",
            "describe", "deskripsi", "jelaskan", "ceritakan", "what is", "apa itu", "tell me about",
            "more info", "more information", "penjelasan", "keterangan", "fitur", "features", "rincian", "about");
    static final List<String> PRICE_QUESTION =
            List.of("harga", "harganya", "price", "how much", "berapa", "cost", "costs", "brp");
    static final List<String> COMPARE = List.of(
            "compare", "comparison", "bandingkan", "banding", "bandingin", "perbandingan", "vs", "versus",
            "difference", "differences", "beda", "bedanya", "perbedaan", "which is better", "mana yang lebih bagus",
            "lebih bagus mana", "lebih baik mana", "mana yang lebih baik", "which one is better", "better one",
            "compared", "dibandingkan", "mending mana", "mendingan mana", "pilih mana");
    static final List<String> GIFT = List.of(
            "gift", "gifts", "present", "presents", "hadiah", "kado", "birthday", "ulang tahun", "ultah",
            "anniversary", "christmas", "natal", "lebaran", "valentine", "oleh-oleh", "souvenir", "gift ideas",
            "ide hadiah", "ide kado", "wisuda", "graduation", "kejutan", "surprise");
    static final List<String> HELP = List.of(
            "help", "bantuan", "bantu", "tolong", "what can you do", "apa yang bisa", "bisa apa", "how does this work",
            "cara pakai", "cara", "menu", "panduan", "guide", "commands", "perintah", "how to", "how do i",
            "gimana caranya", "bagaimana caranya", "what do you do", "who are you", "siapa kamu", "options",
            "what can i ask", "what can i say", "what should i type", "your name", "nama kamu", "kamu siapa",
            "cara pakainya", "cara menggunakan", "apa saja yang bisa");
    static final List<String> GREETING = List.of(
            "hi", "hello", "hey", "halo", "hallo", "hai", "helo", "hei", "pagi", "siang", "sore", "malam",
            "selamat pagi", "selamat siang", "selamat sore", "selamat malam", "good morning", "good afternoon",
            "good evening", "assalamualaikum", "permisi", "yo", "hola", "howdy", "greetings", "hiya", "heyy", "hii",
            "p", "punten", "misi", "salam");
    static final List<String> THANKS = List.of(
            "thanks", "thank you", "thank", "thx", "ty", "tq", "terima kasih", "terimakasih", "makasih", "makasi",
            "trims", "thanks a lot", "mantap", "great", "awesome", "nice", "perfect", "cool", "mksh", "tengkyu",
            "thank u", "thanx", "bye", "goodbye", "dadah", "sampai jumpa", "good job", "keren", "sip", "cheers",
            "appreciate it", "much appreciated", "makasi ya", "suwun", "matur nuwun");
    static final List<String> SEARCH = List.of(
            "search", "find", "cari", "carikan", "cariin", "nyari", "mencari", "looking for", "look for", "show",
            "show me", "tunjukkan", "tampilkan", "lihat", "liat", "recommend", "rekomendasi", "rekomendasikan",
            "suggest", "saran", "have", "sell", "jual", "something", "sesuatu", "any", "ada", "punya", "options for",
            "list", "daftar", "produk", "product", "products", "barang", "item", "items", "stuff", "thing", "things");
    static final List<String> CHEAP =
            List.of("murah", "cheap", "murahan", "terjangkau", "affordable", "hemat", "low price", "inexpensive");
    static final List<String> CHEAPEST = List.of(
            "cheapest", "termurah", "paling murah", "lebih murah", "cheaper", "the cheap one", "least expensive",
            "murah sendiri");
    static final List<String> PRICIEST = List.of(
            "most expensive", "termahal", "paling mahal", "lebih mahal", "pricier", "pricey", "mahal", "expensive",
            "premium", "high end", "mewah", "luxury", "terbaik", "best");
    static final List<String> NEWEST = List.of("terbaru", "newest", "latest", "new arrivals", "baru", "new");
    static final List<String> MAX_CUE = List.of(
            "under", "below", "less than", "cheaper than", "max", "maks", "maksimal", "maximal", "maximum",
            "at most", "up to", "upto", "within", "budget", "budgetnya", "bujet", "dana", "di bawah", "dibawah",
            "kurang dari", "paling mahal", "tidak lebih dari", "gak lebih dari", "no more than", "not more than",
            "<", "sampai", "hingga", "sd", "s/d", "not over", "beneath", "no more", "budget max", "harga max",
            "maksimum", "gak sampai", "ga sampai", "nggak sampai", "tidak sampai", "dibawa", "bawah");
    static final List<String> MIN_CUE = List.of(
            "over", "above", "more than", "at least", "min", "minimal", "minimum", "di atas", "diatas", "lebih dari",
            "mulai dari", "mulai", "from", "starting", "starting at", ">", "upwards", "atas");
    static final List<String> AROUND_CUE = List.of(
            "around", "about", "sekitar", "kisaran", "kurang lebih", "approximately", "approx", "sekitaran", "roughly",
            "kira-kira", "kira kira");
    static final List<String> RANGE_START = List.of("between", "antara", "dari", "from");
    static final List<String> RANGE_JOIN = List.of("and", "dan", "to", "sampai", "hingga", "until", "-", "sd", "ke");
    static final List<String> THAT = List.of(
            "it", "itu", "ini", "that", "this", "tersebut", "tadi", "that one", "this one", "yang itu", "yang ini",
            "the same", "yang sama", "same one", "barusan");
    static final List<String> ALL_REF =
            List.of("both", "keduanya", "dua-duanya", "them", "those", "these", "semuanya", "all of them");
    static final List<String> MORE = List.of("lagi", "more", "another", "extra", "tambahan");
    static final List<String> OFFTOPIC = List.of(
            "weather", "cuaca", "joke", "lelucon", "president", "presiden", "politics", "politik", "news", "berita",
            "football score", "skor", "lagu", "song", "sing", "nyanyi", "poem", "puisi", "love you", "football",
            "sayang kamu", "homework", "pr", "math", "capital", "ibukota", "recipe", "resep", "meaning of life",
            "bitcoin", "crypto", "saham", "stocks market", "who won", "siapa menang");

    /** Words that never name a product: pronouns, particles, polite words, question words. */
    static final List<String> STOP = List.of(
            "i", "me", "my", "mine", "you", "your", "we", "our", "us", "the", "a", "an", "to", "for", "of", "in", "on",
            "at", "with", "and", "or", "please", "pls", "plz", "can", "could", "would", "will", "shall", "is", "are",
            "am", "be", "was", "were", "do", "does", "did", "have", "has", "had", "some", "any", "what", "which",
            "who", "whom", "whose", "where", "when", "why", "how", "there", "here", "just", "also", "too", "really",
            "very", "much", "many", "now", "again", "one", "ones", "like", "im", "ive", "id", "its", "is", "it",
            "them", "they", "he", "she", "him", "her", "his", "hers", "their", "so", "if", "then", "than", "but",
            "not", "no", "yes", "well", "okay", "ok", "oh", "ah", "um", "uh", "hmm", "let", "lets", "give", "see",
            "kindly", "maybe", "perhaps", "possible", "possibly", "should", "might", "must", "need", "get", "got",
            "wanna", "gonna", "want", "looking", "look", "about", "all", "every", "each", "other", "else", "by",
            "from", "into", "onto", "out", "up", "down", "off", "as", "be", "been", "being", "good", "nice", "bit",
            "little", "kind", "sort", "type", "whats", "wheres", "hows", "theres", "dont", "doesnt", "cant", "wont",
            "isnt", "arent", "thats", "youre", "yours", "something", "anything", "some", "know", "tell", "think",
            "saya", "aku", "gue", "gw", "sy", "ak", "kamu", "anda", "kau", "lu", "lo", "yang", "yg", "di", "ke",
            "dari", "untuk", "utk", "buat", "dan", "atau", "dengan", "dgn", "ini", "itu", "ada", "apa", "apakah",
            "mau", "ingin", "pengen", "pingin", "tolong", "dong", "deh", "sih", "ya", "yah", "kak", "kakak", "mas",
            "mbak", "gan", "min", "bang", "nya", "coba", "bisa", "boleh", "punya", "aja", "saja", "lagi", "sama",
            "juga", "kah", "nih", "tuh", "gimana", "bagaimana", "berapa", "kalau", "kalo", "klo", "jika", "mana",
            "kapan", "kenapa", "mengapa", "siapa", "sudah", "udah", "belum", "blm", "akan", "mohon", "harap",
            "silakan", "silahkan", "terus", "trus", "lalu", "kemudian", "nah", "kok", "pun", "para", "sebuah",
            "seorang", "satu", "beberapa", "semua", "setiap", "tiap", "banyak", "sedikit", "agak", "sangat", "amat",
            "sekali", "banget", "bgt", "paling", "lebih", "kurang", "seperti", "kayak", "kaya", "macam", "jenis",
            "adakah", "ya", "kami", "kita", "mereka", "dia", "beliau", "nya", "dulu", "sekarang", "skrg", "barang",
            "apa", "aja", "gitu", "begitu", "cuma", "hanya", "doang", "pake", "pakai", "bro", "sis", "bos", "om",
            "tante", "pak", "bu", "dear", "sir", "madam", "maam", "hey", "yo", "btw", "also", "still", "yet",
            "kindly", "need", "needs", "butuh", "perlu", "memerlukan", "one", "satu", "dong", "kan", "loh", "lho",
            "via", "per", "pcs", "pc", "buah", "biji", "unit", "units", "pieces", "piece", "item", "items",
            "tentang", "cek", "check", "periksa", "isi", "lakukan", "kerjakan", "minta", "please",
            "tahu", "tau", "know", "sell", "selling", "jual", "dijual", "jualan", "tersedia", "ready", "for",
            "cocok", "suitable", "suka", "likes", "loves", "love", "enjoys", "who", "yang", "biar", "agar", "supaya",
            "so", "that", "which", "to");

    static final Set<String> STOP_WORDS = new HashSet<>(STOP);

    /** Every single word any cue phrase uses: these are never product words. */
    static final Set<String> CUE_WORDS = new HashSet<>();

    /** Words typos are corrected towards (cues, numbers, synonyms, recipients). */
    static final Set<String> DICTIONARY = new HashSet<>();

    static {
        List<List<String>> all = new ArrayList<>(List.of(
                YES, NO, CLERK, CHECKOUT, CLEAR, REMOVE, ADD_STRONG, ADD_WEAK, APPLY, VOUCHER, CART, ADDRESS, ORDERS,
                STATUS, BRANDS, CATEGORIES, STOCK, DETAILS, PRICE_QUESTION, COMPARE, GIFT, HELP, GREETING, THANKS,
                SEARCH, CHEAP, CHEAPEST, PRICIEST, NEWEST, MAX_CUE, MIN_CUE, AROUND_CUE, RANGE_START, RANGE_JOIN,
                THAT, ALL_REF, MORE));
        for (List<String> list : all) {
            for (String phrase : list) {
                for (String w : phrase.split(" ")) {
                    if (!w.isEmpty()) CUE_WORDS.add(w);
                }
            }
        }
        // keep product-ish words that also sit in some cue phrase out of the cue set
        CUE_WORDS.removeAll(Set.of("bag", "shopping", "code", "kode", "life", "new", "baru", "best", "items"));
        DICTIONARY.addAll(CUE_WORDS);
        DICTIONARY.addAll(STOP_WORDS);
        DICTIONARY.addAll(NumberWords.UNITS.keySet());
        DICTIONARY.addAll(NumberWords.ORDINALS.keySet());
        DICTIONARY.addAll(NumberWords.MULTIPLIERS.keySet());
        DICTIONARY.addAll(NumberWords.HUNDREDS);
        DICTIONARY.addAll(List.of("belas", "puluh", "ratus", "keranjang", "checkout", "voucher"));
        for (String k : Vocabulary.SYNONYMS.keySet()) DICTIONARY.addAll(List.of(k.split(" ")));
        for (String k : Vocabulary.SYNONYMS.values()) DICTIONARY.addAll(List.of(k.split(" ")));
        for (String k : Vocabulary.RECIPIENTS.keySet()) DICTIONARY.addAll(List.of(k.split(" ")));
        for (String k : OFFTOPIC) DICTIONARY.addAll(List.of(k.split(" ")));
    }

    /** English product words near a cue word: never "correct" them ("shoe" is not "show"). */
    static final Set<String> PROTECTED = Set.copyOf(List.of(
            "shoe", "shoes", "short", "shorts", "cards", "card", "chart", "charger", "chair", "cable", "table",
            "watch", "match", "coat", "cost", "case", "cases", "cap", "caps", "mat", "mats", "hat", "hats", "bat",
            "pan", "pans", "pen", "pens", "fan", "fans", "cup", "cups", "mug", "mugs", "lamp", "desk", "disk", "tent",
            "shirt", "skirt", "boots", "boot", "socks", "sock", "pack", "packs", "set", "sets", "kit", "kits", "toy",
            "toys", "tea", "teas", "iron", "irons", "kettle", "bottle", "bottles", "towel", "towels", "sofa",
            "phone", "phones", "stand", "stands", "store", "stove", "oven", "glove", "gloves", "scarf", "belt",
            "belts", "ring", "rings", "earring", "earrings", "tablet", "tablets", "mouse", "mice", "drone", "camera",
            "blender", "mixer", "helmet", "racket", "jersey", "ball", "balls", "lotion", "serum", "tumbler",
            "thermos", "flask", "speaker", "speakers", "headset", "charge", "print", "printer", "drive", "hoodie",
            "jeans", "dress", "dresses", "wallet", "purse", "jacket", "sweater", "coffee", "kopi", "sepatu"));
}
