package com.shopassist.ai.offline;

import com.shopassist.ai.dialog.Intent;
import com.shopassist.ai.dialog.ParsedMessage;
import com.shopassist.ai.dialog.Ref;
import com.shopassist.ai.dialog.Synonyms;
import com.shopassist.ai.lang.Lang;
import com.shopassist.ai.lang.YesNo;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one message to the end: takes the slots out, then decides the intent from the cue
 * phrases on what is left, by an ordered decision list (so the topic decides: "hapus voucher" is
 * about the voucher, "tambah 2 ke keranjang" is an add), and assembles the {@link ParsedMessage}.
 */
final class MessageReader extends ProductSlots {

    private static final List<String> HELP_PHRASES =
            Lexicon.HELP.stream().filter(p -> p.contains(" ")).toList();
    private static final List<String> LABEL_HINTS = Lexicon.LABEL_HINTS;

    MessageReader(String raw, List<String> tokens, Lang lang, Vocabulary vocab) {
        super(raw, tokens, lang, vocab);
    }

    ParsedMessage run() {
        if (n == 0) return result(Intent.HELP);
        extractOrderNumber();
        extractPrices();
        extractRefs();
        String joined = joinUnused();
        // yes / no: short messages made only of yes-or-no words and polite filler
        Intent yesNo = yesNo();
        if (yesNo != null) return result(yesNo);
        extractQuantity(joined);
        extractBrand();
        extractCategory();
        extractRecipient();

        List<String> content = contentTokens();
        boolean hasContent = !content.isEmpty();
        boolean hasProductHint = hasContent || brand != null || category != null;
        boolean offTopic = hasAny(joined, Lexicon.OFFTOPIC);
        boolean price = minPrice != null || maxPrice != null;
        boolean voucherTopic = hasAny(joined, Lexicon.VOUCHER);
        boolean removeVerb = hasAny(joined, Lexicon.REMOVE);
        boolean clearVerb = hasAny(joined, Lexicon.CLEAR);
        boolean addStrong = hasAny(joined, Lexicon.ADD_STRONG);
        boolean addWeak = hasAny(joined, Lexicon.ADD_WEAK);
        boolean cartTopic = hasAny(joined, Lexicon.CART);
        boolean more = hasAny(joined, Lexicon.MORE);
        boolean hasRef = !refs.isEmpty();
        boolean orderTopic = hasAny(joined, Lexicon.ORDERS) || orderRef != null;

        if (hasAny(joined, Lexicon.CLERK)) return result(Intent.CLERK);
        if (hasAny(joined, Lexicon.CHECKOUT) && !voucherTopic && !(orderTopic && hasAny(joined, Lexicon.STATUS))) {
            return result(Intent.CHECKOUT);
        }
        String looseCode = standaloneCode();
        if (!voucherTopic && looseCode != null) return result(Intent.APPLY_VOUCHER, looseCode);
        if (voucherTopic) {
            String code = voucherCode();
            if (removeVerb || clearVerb || hasAny(joined, Lexicon.VOUCHER_REMOVE)) return result(Intent.REMOVE_VOUCHER);
            if (code != null) return result(Intent.APPLY_VOUCHER, code);
            boolean asking = hasAny(joined, Lexicon.VOUCHER_ASKING);
            if (hasAny(joined, Lexicon.APPLY) && !asking) return result(Intent.APPLY_VOUCHER);
            return result(Intent.VOUCHERS);
        }
        boolean onlyAll = refs.stream().allMatch(r -> r.kind() == Ref.Kind.ALL);
        if (clearVerb && (cartTopic || !hasProductHint) && onlyAll) return result(Intent.CLEAR_CART);
        if (hasAny(joined, Lexicon.COMPARE)) return result(Intent.COMPARE);
        long ordinals = refs.stream()
                .filter(r -> r.kind() == Ref.Kind.ORDINAL || r.kind() == Ref.Kind.LAST)
                .count();
        if (ordinals >= 2 && !addStrong && !removeVerb && !hasAny(joined, Lexicon.STOCK)) return result(Intent.COMPARE);
        if (orderTopic && !cartTopic && !addStrong && !removeVerb) {
            boolean status = hasAny(joined, Lexicon.STATUS) || orderRef != null;
            if (status) return result(Intent.ORDER_STATUS);
            if (!hasRef || refs.get(0).kind() == Ref.Kind.LAST) {
                return result(refs.isEmpty() ? Intent.ORDERS : Intent.ORDER_STATUS);
            }
        }
        if (removeVerb) return result(Intent.REMOVE_FROM_CART);
        // a question is never a write: "can I buy ...?", "masih ada ...?", "bisa dibeli ...?" read the stock
        boolean explicitAdd = hasAny(joined, Lexicon.ADD_EXPLICIT);
        if (asking(joined) && !explicitAdd && (addStrong || addWeak || more)) {
            return result(
                    hasAny(joined, Lexicon.PRICE_QUESTION) && !hasAny(joined, Lexicon.STOCK)
                            ? Intent.PRODUCT_DETAILS
                            : Intent.STOCK);
        }
        if (hasAny(joined, Lexicon.TOTAL) && !addStrong && !hasRef) return result(Intent.VIEW_CART);
        if (addStrong && !(hasAny(joined, Lexicon.STOCK) && !hasAny(joined, Lexicon.ADD_EXPLICIT))) {
            return result(Intent.ADD_TO_CART);
        }
        if (addWeak && !price && (hasRef || quantity != null || cartTopic || (more && !hasContent))) {
            return result(Intent.ADD_TO_CART);
        }
        if (more
                && !hasContent
                && !price
                && !cartTopic
                && !hasAny(joined, Lexicon.SEARCH)
                && !hasAny(joined, Lexicon.DETAILS)
                && !hasAny(joined, Lexicon.HELP)) {
            return result(Intent.ADD_TO_CART);
        }
        if (cartTopic) return result(Intent.VIEW_CART);
        if (hasAny(joined, Lexicon.ADDRESS)) return result(Intent.ADDRESSES);
        if (offTopic && !price) return result(Intent.UNKNOWN);
        if (!hasContent && !price && !hasRef && hasAny(joined, Lexicon.BRANDS)) return result(Intent.BRANDS);
        if (!hasContent
                && brand == null
                && category == null
                && !price
                && !hasRef
                && hasAny(joined, Lexicon.CATEGORIES)) {
            return result(Intent.CATEGORIES);
        }
        if (hasAny(joined, Lexicon.STOCK) && !price) return result(Intent.STOCK);
        boolean giftCue = hasAny(joined, Lexicon.GIFT);
        if (giftCue || (recipient != null && !hasContent && brand == null && category == null)) {
            return result(Intent.GIFT);
        }
        if (!hasContent && !price && hasAny(joined, Lexicon.BRANDS)) return result(Intent.BRANDS);
        if (!hasContent && brand == null && category == null && !price && hasAny(joined, Lexicon.CATEGORIES)) {
            return result(Intent.CATEGORIES);
        }
        if (!hasProductHint && !price && hasAny(joined, HELP_PHRASES)) return result(Intent.HELP);
        if (hasAny(joined, Lexicon.DETAILS) && !price) return result(Intent.PRODUCT_DETAILS);
        if (hasAny(joined, Lexicon.PRICE_QUESTION) && !price && (hasRef || hasProductHint)) {
            return result(Intent.PRODUCT_DETAILS);
        }
        if (hasRef && !hasContent && !price && (brand == null || isBrandRef()) && category == null) {
            Ref r = refs.get(0);
            if (r.kind() != Ref.Kind.CHEAPEST && r.kind() != Ref.Kind.PRICIEST) {
                return result(Intent.PRODUCT_DETAILS);
            }
        }
        if (hasProductHint || price || sort(joined) != null) return result(Intent.SEARCH);
        if (hasAny(joined, Lexicon.SEARCH) && hasRef) return result(Intent.PRODUCT_DETAILS);
        if (hasAny(joined, Lexicon.HELP)) return result(Intent.HELP);
        if (hasAny(joined, Lexicon.GREETING)) return result(Intent.GREETING);
        if (hasAny(joined, Lexicon.THANKS)) return result(Intent.THANKS);
        if (hasAny(joined, Lexicon.CATEGORIES) || hasAny(joined, Lexicon.SEARCH)) return result(Intent.CATEGORIES);
        return result(Intent.UNKNOWN);
    }

    /** Asked, not told: a question phrase, a question word first, or a question mark. */
    boolean asking(String joined) {
        if (raw.indexOf('?') >= 0 || hasAny(joined, Lexicon.QUESTION)) return true;
        return n > 0 && Lexicon.QUESTION_FIRST.contains(t.get(0));
    }

    Intent yesNo() {
        String joined = joinUnused().trim();
        boolean onlyThat = refs.stream().allMatch(r -> r.kind() == Ref.Kind.THAT);
        if (!onlyThat || minPrice != null || maxPrice != null) return null;
        if (joined.isEmpty()) return refs.isEmpty() ? Intent.HELP : null;
        YesNo.Answer answer = YesNo.of(joined, !refs.isEmpty());
        if (answer == null) return null;
        return answer == YesNo.Answer.YES ? Intent.CONFIRM : Intent.DENY;
    }

    String addressLabel() {
        for (int i = 0; i < n; i++) {
            String w = t.get(i);
            if (!Lexicon.LABEL_BEFORE.contains(w)) {
                continue;
            }
            List<String> label = new ArrayList<>();
            for (int j = i + 1; j < n && label.size() < 3; j++) {
                String x = t.get(j);
                if (label.isEmpty() && Lexicon.LABEL_SKIP.contains(x)) {
                    continue;
                }
                if (Lexicon.STOP_WORDS.contains(x)
                        || Lexicon.CUE_WORDS.contains(x) && !LABEL_HINTS.contains(x)
                        || Lexicon.ADDRESS.contains(x)) {
                    break;
                }
                label.add(x);
            }
            if (!label.isEmpty()) return String.join(" ", label);
        }
        for (String w : t) if (LABEL_HINTS.contains(w)) return w;
        return null;
    }

    List<String> compareNames() {
        List<String> names = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        java.util.Set<String> joiners = Lexicon.COMPARE_JOINERS;
        for (int i = 0; i < n; i++) {
            String w = t.get(i);
            if (joiners.contains(w)) {
                if (!cur.isEmpty()) names.add(String.join(" ", cur));
                cur.clear();
                continue;
            }
            boolean nameish = brandTok[i]
                    || catTok[i]
                    || (!used[i] && !Lexicon.STOP_WORDS.contains(w) && !Lexicon.CUE_WORDS.contains(w));
            if (nameish) cur.add(w);
        }
        if (!cur.isEmpty()) names.add(String.join(" ", cur));
        return names;
    }

    String sort(String joined) {
        if (hasAny(joined, Lexicon.CHEAP) || hasAny(joined, Lexicon.CHEAPEST)) return "price_asc";
        if (hasAny(joined, Lexicon.PRICIEST)) return "price_desc";
        if (hasAny(joined, Lexicon.NEWEST)) return "newest";
        return null;
    }

    ParsedMessage result(Intent intent) {
        return result(intent, null);
    }

    ParsedMessage result(Intent intent, String code) {
        String joined = joinUnused();
        boolean cartWrite = intent == Intent.ADD_TO_CART || intent == Intent.REMOVE_FROM_CART;
        List<String> content = contentTokens(!cartWrite);
        List<String> nameTokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String w = t.get(i);
            if (i == quantityIndex && cartWrite) continue;
            if (brandTok[i] || catTok[i]) nameTokens.add(w);
            else if (!used[i]
                    && !Lexicon.STOP_WORDS.contains(w)
                    && !Lexicon.CUE_WORDS.contains(w)
                    && !w.startsWith("#")) {
                nameTokens.add(w);
            }
        }
        // category words stay in the search text: the category narrows, the words rank
        List<String> searchWords = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String w = t.get(i);
            if (catTok[i]) searchWords.add(w);
            else if (!used[i]
                    && !(i == quantityIndex && cartWrite)
                    && !Lexicon.STOP_WORDS.contains(w)
                    && !Lexicon.CUE_WORDS.contains(w)
                    && !w.startsWith("#")) {
                searchWords.add(w);
            }
        }
        List<String> queryWords = new ArrayList<>(Synonyms.map(searchWords));
        if (recipientSynonym != null && intent == Intent.SEARCH) queryWords.add(recipientSynonym);
        String query = String.join(" ", queryWords);
        String name = String.join(" ", nameTokens);
        String voucher = code;
        if (intent == Intent.APPLY_VOUCHER && voucher == null) voucher = voucherCode();
        String label = intent == Intent.CHECKOUT || intent == Intent.ADDRESSES ? addressLabel() : null;
        if (label != null && intent == Intent.CHECKOUT) {
            query = "";
            name = "";
        }
        List<String> compare = intent == Intent.COMPARE ? compareNames() : List.of();
        String interests = intent == Intent.GIFT && !query.isEmpty() ? query : null;
        if (content.isEmpty() && category == null) interests = null;
        String order = orderRef;
        if ((intent == Intent.ORDER_STATUS || intent == Intent.ORDERS) && order == null && quantity != null) {
            order = String.valueOf(quantity);
        }
        Integer qty = intent == Intent.ADD_TO_CART || intent == Intent.REMOVE_FROM_CART ? quantity : null;
        return new ParsedMessage(
                intent,
                lang,
                query,
                name,
                brand,
                category,
                minPrice,
                maxPrice,
                sort(joined),
                qty,
                refs,
                compare,
                voucher,
                label,
                order,
                recipient,
                interests,
                hasAny(joined, Lexicon.MORE),
                phrase(cartWrite),
                ask(),
                String.join(" ", searchWords),
                words(),
                lookup());
    }

    /** Every word as typed and as corrected. */
    List<String> words() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(t);
        all.addAll(com.shopassist.ai.lang.TextNormalizer.tokens(raw));
        return new ArrayList<>(all);
    }

    /**
     * The words that may name a product, ordinals and numbers kept ("first aid kit", "echo 7"):
     * three of them, or two with a brand, are worth looking a product up by; fewer give "".
     */
    String lookup() {
        List<String> words = new ArrayList<>();
        List<String> typed = com.shopassist.ai.lang.TextNormalizer.tokens(raw);
        for (int i = 0; i < n; i++) {
            String w = t.get(i);
            // a word the speller bent towards a cue word ("bright", "remote") may be a product's
            if (typed.size() == n && !typed.get(i).equals(w)) {
                words.add(typed.get(i));
                continue;
            }
            if (Lexicon.STOP_WORDS.contains(w) || Lexicon.FILLER.contains(w) || w.startsWith("#")) continue;
            boolean free = !used[i] && !Lexicon.CUE_WORDS.contains(w);
            if (brandTok[i] || catTok[i] || refTok[i] || i == quantityIndex || free) words.add(w);
        }
        boolean enough = words.size() >= 3 || (brand != null && words.size() >= 2);
        return enough ? String.join(" ", words) : "";
    }

    /** Words that carry meaning for a semantic search, cue verbs included, noise and sort words not. */
    String phrase(boolean cartWrite) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String w = t.get(i);
            if ((used[i] && !brandTok[i]) || (i == quantityIndex && cartWrite)) continue;
            if (Lexicon.STOP_WORDS.contains(w) || Lexicon.PHRASE_NOISE.contains(w) || w.startsWith("#")) continue;
            words.add(w);
        }
        List<String> mapped = new ArrayList<>();
        for (String w : Synonyms.map(words)) if (!w.isEmpty()) mapped.add(w);
        return String.join(" ", mapped);
    }

    /** The ask as a sentence, for an English embedding model: "sesuatu untuk menjaga kopi" -> "something to keep coffee". */
    String ask() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String w = t.get(i);
            if ((used[i] && !brandTok[i]) || Lexicon.ASK_NOISE.contains(w) || w.startsWith("#")) continue;
            words.add(w);
        }
        List<String> out = new ArrayList<>();
        for (String w : Synonyms.map(words)) {
            String e = Lexicon.ASK_WORDS.getOrDefault(w, w);
            if (!e.isEmpty()) out.add(e);
        }
        return String.join(" ", out);
    }
}
