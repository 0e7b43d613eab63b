package com.shopassist.ai.offline;

import com.shopassist.ai.cart.CartFeature;
import com.shopassist.ai.catalog.CatalogFeature;
import com.shopassist.ai.checkout.CheckoutFeature;
import com.shopassist.ai.customer.CustomerFeature;
import com.shopassist.ai.dialog.Synonyms;
import com.shopassist.ai.gift.GiftFeature;
import com.shopassist.ai.lang.NumberWords;
import com.shopassist.ai.lang.WordBook;
import com.shopassist.ai.lang.YesNo;
import com.shopassist.ai.order.OrderFeature;
import com.shopassist.ai.stock.StockFeature;
import com.shopassist.ai.voucher.VoucherFeature;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cue phrases of each intent and the words that carry no product meaning, in English,
 * Indonesian and the slang in between, read once from the word files of each feature (cart,
 * voucher, ...) and of the offline parser itself. Phrases are matched on whole tokens after typo
 * correction, so "chekout" and "keranjng" find "checkout" and "keranjang".
 */
final class Lexicon {
    private Lexicon() {}

    private static final WordBook LANG = WordBook.load(YesNo.class, "words");
    private static final WordBook OWN = WordBook.load(Lexicon.class, "words");
    private static final WordBook CATALOG = CatalogFeature.WORDS;
    private static final WordBook STOCK_WORDS = StockFeature.WORDS;
    private static final WordBook CART_WORDS = CartFeature.WORDS;
    private static final WordBook VOUCHER_WORDS = VoucherFeature.WORDS;
    private static final WordBook CUSTOMER = CustomerFeature.WORDS;
    private static final WordBook CHECKOUT_WORDS = CheckoutFeature.WORDS;
    private static final WordBook ORDER = OrderFeature.WORDS;
    private static final WordBook GIFT_WORDS = GiftFeature.WORDS;

    static final List<String> YES = LANG.list("yes");
    static final List<String> NO = LANG.list("no");
    static final List<String> FILLER = LANG.list("filler");
    static final List<String> SUFFIXES = LANG.list("suffixes");

    static final List<String> CLERK = OWN.list("clerk");
    static final List<String> HELP = OWN.list("help");
    static final List<String> GREETING = OWN.list("greeting");
    static final List<String> THANKS = OWN.list("thanks");
    static final List<String> OFFTOPIC = OWN.list("offtopic");
    static final List<String> MAX_CUE = OWN.list("max_cue");
    static final List<String> MIN_CUE = OWN.list("min_cue");
    static final List<String> AROUND_CUE = OWN.list("around_cue");
    static final List<String> RANGE_START = OWN.list("range_start");
    static final List<String> RANGE_JOIN = OWN.list("range_join");
    static final List<String> THAT = OWN.list("that");
    static final List<String> ALL_REF = OWN.list("all_ref");
    static final List<String> MORE = OWN.list("more");
    static final Set<String> PRICE_SKIP = OWN.set("price_skip");
    static final Set<String> REF_NOUNS = OWN.set("ref_nouns");
    static final Set<String> LAST = OWN.set("last");
    static final List<String> PRICIEST_REF = OWN.list("priciest_ref");
    static final Set<String> DETERMINER_BEFORE = OWN.set("determiner_before");
    static final Set<String> DETERMINER_AFTER = OWN.set("determiner_after");
    static final Set<String> NOT_QUANTITY = OWN.set("not_quantity");
    /** Phrases that ask rather than tell ("can i buy", "masih ada", "bisa dibeli"). */
    static final List<String> QUESTION = OWN.list("question");
    /** A first word that makes a question ("is", "apakah"). */
    static final Set<String> QUESTION_FIRST = OWN.set("question_first");

    static final List<String> BRANDS = CATALOG.list("brands");
    static final List<String> CATEGORIES = CATALOG.list("categories");
    static final List<String> DETAILS = CATALOG.list("details");
    static final List<String> PRICE_QUESTION = CATALOG.list("price_question");
    static final List<String> SEARCH = CATALOG.list("search");
    static final List<String> CHEAP = CATALOG.list("cheap");
    static final List<String> CHEAPEST = CATALOG.list("cheapest");
    static final List<String> PRICIEST = CATALOG.list("priciest");
    static final List<String> NEWEST = CATALOG.list("newest");
    static final List<String> COMPARE = CATALOG.list("compare");
    static final Set<String> COMPARE_JOINERS = CATALOG.set("compare_joiners");

    static final List<String> STOCK = STOCK_WORDS.list("stock");

    static final List<String> CART = CART_WORDS.list("cart");
    static final List<String> REMOVE = CART_WORDS.list("remove");
    static final List<String> CLEAR = CART_WORDS.list("clear");
    static final List<String> ADD_STRONG = CART_WORDS.list("add_strong");
    static final List<String> ADD_WEAK = CART_WORDS.list("add_weak");
    static final List<String> ADD_EXPLICIT = CART_WORDS.list("add_explicit");
    static final List<String> TOTAL = CART_WORDS.list("total");

    static final List<String> VOUCHER = VOUCHER_WORDS.list("voucher");
    static final List<String> APPLY = VOUCHER_WORDS.list("apply");
    static final List<String> VOUCHER_ASKING = VOUCHER_WORDS.list("asking");
    static final List<String> VOUCHER_REMOVE = VOUCHER_WORDS.list("remove_words");
    static final Set<String> CODE_WORDS = VOUCHER_WORDS.set("code_words");
    static final Set<String> NOT_CODE_AFTER = VOUCHER_WORDS.set("not_code_after");
    static final Set<String> NOT_CODES = VOUCHER_WORDS.set("not_codes");
    static final List<String> NOT_APPLY_VERBS = VOUCHER_WORDS.list("not_apply_verbs");

    static final List<String> ADDRESS = CUSTOMER.list("address");
    static final List<String> LABEL_HINTS = CUSTOMER.list("labels");
    static final Set<String> LABEL_BEFORE = CUSTOMER.set("label_before");
    static final Set<String> LABEL_SKIP = CUSTOMER.set("label_skip");

    static final List<String> CHECKOUT = CHECKOUT_WORDS.list("checkout");

    static final List<String> ORDERS = ORDER.list("orders");
    static final List<String> STATUS = ORDER.list("status");
    static final Set<String> ORDER_NUMBER_CUES = ORDER.set("number_cues");

    static final List<String> GIFT = GIFT_WORDS.list("gift");
    /** Who a gift is for, in English and Indonesian -> one English word. */
    static final Map<String, String> RECIPIENTS = GIFT_WORDS.map("recipients");

    /** Indonesian (and slang) product words -> the English words the catalog uses. */
    static final Map<String, String> SYNONYMS = Synonyms.TABLE;
    /** Indonesian function words in an ask, for the English embedding model ("" drops the word). */
    static final Map<String, String> ASK_WORDS = OWN.map("ask_words");

    /** Words of a search ask that say how to search, not what: left out of the semantic phrase. */
    static final Set<String> PHRASE_NOISE = new HashSet<>();

    static {
        for (List<String> list : List.of(
                SEARCH, CHEAP, CHEAPEST, PRICIEST, NEWEST, MORE, THAT, ALL_REF, GREETING, THANKS, HELP, ADD_WEAK)) {
            for (String p : list) PHRASE_NOISE.addAll(List.of(p.split(" ")));
        }
        PHRASE_NOISE.removeAll(Set.of("new", "baru", "best", "terbaik", "premium", "luxury", "mewah"));
    }

    /** Politeness, pronouns and search verbs: noise to an embedding model reading the ask. */
    static final Set<String> ASK_NOISE = OWN.set("ask_noise");

    /** Words that never name a product: pronouns, particles, polite words, question words. */
    static final Set<String> STOP_WORDS = OWN.set("stop");

    /** Every single word any cue phrase uses: these are never product words. */
    static final Set<String> CUE_WORDS = new HashSet<>();

    /** Words typos are corrected towards (cues, numbers, synonyms, recipients). */
    static final Set<String> DICTIONARY = new HashSet<>();

    static {
        List<List<String>> all = new ArrayList<>(List.of(
                YES,
                NO,
                CLERK,
                CHECKOUT,
                CLEAR,
                REMOVE,
                ADD_STRONG,
                ADD_WEAK,
                APPLY,
                VOUCHER,
                CART,
                TOTAL,
                ADDRESS,
                ORDERS,
                STATUS,
                BRANDS,
                CATEGORIES,
                STOCK,
                DETAILS,
                PRICE_QUESTION,
                COMPARE,
                GIFT,
                HELP,
                GREETING,
                THANKS,
                SEARCH,
                CHEAP,
                CHEAPEST,
                PRICIEST,
                NEWEST,
                MAX_CUE,
                MIN_CUE,
                AROUND_CUE,
                RANGE_START,
                RANGE_JOIN,
                QUESTION,
                THAT,
                ALL_REF,
                MORE));
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
        for (String k : SYNONYMS.keySet()) DICTIONARY.addAll(List.of(k.split(" ")));
        for (String k : SYNONYMS.values()) DICTIONARY.addAll(List.of(k.split(" ")));
        for (String k : RECIPIENTS.keySet()) DICTIONARY.addAll(List.of(k.split(" ")));
        for (String k : OFFTOPIC) DICTIONARY.addAll(List.of(k.split(" ")));
    }

    /** English product words near a cue word: never "correct" them ("shoe" is not "show"). */
    static final Set<String> PROTECTED = OWN.set("protected");
}
