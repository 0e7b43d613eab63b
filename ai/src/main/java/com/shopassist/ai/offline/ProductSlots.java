package com.shopassist.ai.offline;

import com.shopassist.ai.dialog.Ref;
import com.shopassist.ai.lang.Lang;
import com.shopassist.ai.lang.NumberWords;
import com.shopassist.core.order.OrderNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a message is about, besides prices: an order number, references to what was shown ("the
 * second one", "that Sony"), a brand, a category, who a gift is for, a quantity and a voucher code.
 */
abstract class ProductSlots extends PriceSlots {

    static final Pattern QTY_ATTACHED = Pattern.compile("^(?:x(\\d{1,3})|(\\d{1,3})(?:x|pcs|pc|buah|biji|unit))$");
    static final Pattern CODE_SHAPE = Pattern.compile("^[a-z0-9][a-z0-9_]{2,23}$");

    String orderRef;
    final List<Ref> refs = new ArrayList<>();
    String brand;
    String category;
    String recipient;
    String recipientSynonym;
    Integer quantity;
    int quantityIndex = -1;

    ProductSlots(String raw, List<String> tokens, Lang lang, Vocabulary vocab) {
        super(raw, tokens, lang, vocab);
    }

    void extractOrderNumber() {
        Matcher m = OrderNumbers.IN_TEXT.matcher(raw);
        if (m.find()) {
            orderRef = m.group(1).toUpperCase(Locale.ROOT);
            String low = orderRef.toLowerCase(Locale.ROOT);
            for (int i = 0; i < n; i++) if (t.get(i).equals(low)) used[i] = true;
            return;
        }
        for (int i = 0; i < n; i++) {
            String tok = t.get(i);
            if (tok.startsWith("#") && tok.length() > 1 && NumberWords.integer(tok.substring(1)) != null) {
                boolean orderWord = false;
                for (int j = Math.max(0, i - 3); j < i; j++) {
                    if (Lexicon.ORDER_NUMBER_CUES.contains(t.get(j))) orderWord = true;
                }
                if (orderWord) {
                    orderRef = tok.substring(1);
                    used[i] = true;
                    return;
                }
            }
            if ((tok.equals("order") || tok.equals("pesanan")) && i + 1 < n) {
                String next = t.get(i + 1);
                int k = i + 1;
                if ((next.equals("no") || next.equals("nomor") || next.equals("number")) && i + 2 < n) {
                    next = t.get(i + 2);
                    k = i + 2;
                }
                String digits = next.startsWith("#") ? next.substring(1) : next;
                Integer v = NumberWords.integer(digits);
                if (v != null && digits.length() >= 1 && v > 0) {
                    orderRef = digits;
                    for (int j = i + 1; j <= k; j++) used[j] = true;
                    return;
                }
            }
        }
    }

    void extractRefs() {
        for (int i = 0; i < n; i++) {
            if (used[i]) continue;
            String tok = t.get(i);
            Integer ord = NumberWords.ORDINALS.get(tok);
            if (ord != null && !namesAWord(i)) {
                refs.add(Ref.ordinal(ord));
                used[i] = true;
                refTok[i] = true;
                continue;
            }
            if (tok.startsWith("ke-") || (tok.startsWith("ke") && tok.length() <= 4 && tok.length() > 2)) {
                Integer v = NumberWords.integer(tok.substring(tok.startsWith("ke-") ? 3 : 2));
                if (v != null && v >= 1 && v <= 50) {
                    refs.add(Ref.ordinal(v));
                    used[i] = true;
                    continue;
                }
            }
            if ((Lexicon.REF_NOUNS.contains(tok)
                            || (tok.equals("ke") && i > 0 && t.get(i - 1).equals("yang")))
                    && i + 1 < n) {
                String next = t.get(i + 1);
                Integer v = NumberWords.integer(next.startsWith("#") ? next.substring(1) : next);
                if (v == null) v = NumberWords.QUANTITY_WORDS.get(next);
                if (v != null && v >= 1 && v <= 50 && !used[i + 1]) {
                    refs.add(Ref.ordinal(v));
                    used[i] = true;
                    used[i + 1] = true;
                    continue;
                }
            }
            if (tok.startsWith("#") && NumberWords.integer(tok.substring(1)) != null) {
                int v = NumberWords.integer(tok.substring(1));
                if (v >= 1 && v <= 50) {
                    refs.add(Ref.ordinal(v));
                    used[i] = true;
                    continue;
                }
            }
            if (Lexicon.LAST.contains(tok)) {
                refs.add(Ref.of(Ref.Kind.LAST));
                continue; // "last order" still reads as orders
            }
        }
        String joined = joinUnused();
        if (hasAny(joined, Lexicon.ALL_REF)) refs.add(Ref.of(Ref.Kind.ALL));
        if (hasAny(joined, Lexicon.CHEAPEST)) refs.add(Ref.of(Ref.Kind.CHEAPEST));
        else if (hasAny(joined, Lexicon.PRICIEST_REF)) {
            refs.add(Ref.of(Ref.Kind.PRICIEST));
        }
        if (refs.isEmpty() && hasAny(joined, Lexicon.THAT)) refs.add(Ref.of(Ref.Kind.THAT));
    }

    /**
     * "first aid kit", "second skin": an ordinal followed by a word that neither points ("one",
     * "item") nor names a brand or a category is part of a product's name, not a reference.
     */
    private boolean namesAWord(int i) {
        if (i + 1 >= n) return false;
        String next = t.get(i + 1);
        if (Lexicon.STOP_WORDS.contains(next) || Lexicon.CUE_WORDS.contains(next)) return false;
        if (Lexicon.REF_NOUNS.contains(next) || NumberWords.integer(next) != null) return false;
        return vocab.brand(next) == null && vocab.category(next) == null && !Lexicon.SYNONYMS.containsKey(next);
    }

    void extractBrand() {
        for (int size = vocab.maxBrandWords(); size >= 1 && brand == null; size--) {
            for (int i = 0; i + size <= n && brand == null; i++) {
                boolean free = true;
                boolean allStop = true;
                StringBuilder sb = new StringBuilder();
                for (int k = i; k < i + size; k++) {
                    if (used[k]) free = false;
                    String w = t.get(k);
                    if (!Lexicon.STOP_WORDS.contains(w) && !Lexicon.CUE_WORDS.contains(w)) allStop = false;
                    if (k > i) sb.append(' ');
                    sb.append(w);
                }
                if (!free || allStop) continue;
                String b = vocab.brand(sb.toString());
                if (b != null) {
                    brand = b;
                    for (int k = i; k < i + size; k++) {
                        used[k] = true;
                        brandTok[k] = true;
                    }
                }
            }
        }
        if (brand != null) {
            boolean determiner = false;
            for (int i = 0; i < n; i++) {
                if (brandTok[i] && i > 0 && Lexicon.DETERMINER_BEFORE.contains(t.get(i - 1))) {
                    determiner = true;
                }
                if (brandTok[i] && i + 1 < n && Lexicon.DETERMINER_AFTER.contains(t.get(i + 1))) {
                    determiner = true;
                }
            }
            if (determiner && contentTokens().isEmpty()) {
                refs.removeIf(r -> r.kind() == Ref.Kind.THAT);
                refs.add(0, Ref.brand(brand.toLowerCase(Locale.ROOT)));
            }
        }
    }

    void extractCategory() {
        for (int size = 3; size >= 1 && category == null; size--) {
            for (int i = 0; i + size <= n && category == null; i++) {
                boolean free = true;
                StringBuilder sb = new StringBuilder();
                for (int k = i; k < i + size; k++) {
                    if (used[k]) free = false;
                    if (k > i) sb.append(' ');
                    sb.append(t.get(k));
                }
                if (!free) continue;
                String key = sb.toString();
                String c = vocab.category(key);
                if (c == null && Lexicon.SYNONYMS.containsKey(key)) c = vocab.category(Lexicon.SYNONYMS.get(key));
                if (c != null) {
                    category = c;
                    for (int k = i; k < i + size; k++) catTok[k] = true;
                }
            }
        }
    }

    void extractRecipient() {
        for (int i = 0; i < n && recipient == null; i++) {
            if (used[i]) continue;
            if (i + 1 < n && !used[i + 1]) {
                String two = t.get(i) + " " + t.get(i + 1);
                if (Lexicon.RECIPIENTS.containsKey(two)) {
                    recipient = Lexicon.RECIPIENTS.get(two);
                    used[i] = true;
                    used[i + 1] = true;
                    break;
                }
            }
            String r = Lexicon.RECIPIENTS.get(t.get(i));
            if (r != null) { // people words win over a category of the same word ("anak")
                recipient = r;
                recipientSynonym = Lexicon.SYNONYMS.get(t.get(i));
                used[i] = true;
            }
        }
    }

    void extractQuantity(String joined) {
        // "x2", "2pcs" say a quantity more surely than a bare number, which may be in a name ("Pack of 3")
        for (int i = 0; i < n && quantity == null; i++) {
            Matcher m = used[i] ? null : QTY_ATTACHED.matcher(t.get(i));
            if (m != null && m.matches()) {
                quantity = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
                quantityIndex = i;
            }
        }
        for (int i = 0; i < n && quantity == null; i++) {
            if (used[i]) continue;
            String tok = t.get(i);
            Matcher m = QTY_ATTACHED.matcher(tok);
            if (m.matches()) {
                quantity = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
                quantityIndex = i;
                break;
            }
            Integer v = NumberWords.integer(tok);
            if (v != null && v >= 1 && v <= 999 && tok.length() <= 3) {
                // a size ("ukuran 42") or a model number is not a quantity
                if (i > 0 && Lexicon.NOT_QUANTITY.contains(t.get(i - 1))) {
                    continue;
                }
                quantity = v;
                quantityIndex = i;
                break;
            }
            Integer w = NumberWords.QUANTITY_WORDS.get(tok);
            if (w != null && !tok.equals("one") && !tok.equals("satu")) {
                quantity = w;
                quantityIndex = i;
            }
        }
    }

    boolean isBrandRef() {
        return refs.stream().anyMatch(r -> r.kind() == Ref.Kind.BRAND);
    }

    // -------------------------------------------------------------- slots

    List<String> contentTokens() {
        return contentTokens(false);
    }

    /** Product words left over; the quantity's token counts only in a search ("iphone 15"). */
    List<String> contentTokens(boolean withQuantity) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (used[i] || catTok[i]) continue;
            if (i == quantityIndex && !withQuantity) continue;
            String w = t.get(i);
            if (Lexicon.STOP_WORDS.contains(w) || Lexicon.CUE_WORDS.contains(w)) continue;
            if (w.startsWith("#")) continue;
            out.add(w);
        }
        return out;
    }

    String voucherCode() {
        java.util.Set<String> codeWords = Lexicon.CODE_WORDS;
        boolean apply = hasAny(joinUnused(), Lexicon.APPLY);
        for (int i = 0; i < n; i++) {
            if (used[i]) continue;
            if (!codeWords.contains(t.get(i))) continue;
            for (int j = i + 1; j < Math.min(n, i + 3); j++) {
                String w = t.get(j);
                if (codeWords.contains(w)) continue;
                if (Lexicon.STOP_WORDS.contains(w) || Lexicon.NOT_CODE_AFTER.contains(w)) {
                    break;
                }
                if (CODE_SHAPE.matcher(w).matches() && (apply || looksLikeCode(w))) return w.toUpperCase(Locale.ROOT);
                break;
            }
        }
        for (int i = 0; i < n; i++) {
            String w = t.get(i);
            if (!used[i] && CODE_SHAPE.matcher(w).matches() && looksLikeCode(w) && !codeWords.contains(w)) {
                return w.toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    /**
     * A code typed with no voucher word: "HEMAT10" on its own, or after a verb that only codes
     * take ("pakai HEMAT10", "use hemat10"). "add WH1000" stays a product unless typed in capitals.
     */
    String standaloneCode() {
        List<String> free = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String w = t.get(i);
            if (!used[i] && !Lexicon.STOP_WORDS.contains(w) && !Lexicon.FILLER.contains(w)) free.add(w);
        }
        String joined = joinUnused();
        boolean applyVerb = hasAny(joined, Lexicon.APPLY) && !hasAny(joined, Lexicon.NOT_APPLY_VERBS);
        for (String w : free) {
            if (Lexicon.CUE_WORDS.contains(w) || !CODE_SHAPE.matcher(w).matches()) continue;
            boolean mixed = w.chars().anyMatch(Character::isLetter) && w.chars().anyMatch(Character::isDigit);
            boolean capitals = raw.contains(w.toUpperCase(Locale.ROOT)) && w.length() >= 4;
            if (mixed && capitals && free.size() <= 2) return w.toUpperCase(Locale.ROOT);
            if (applyVerb && (mixed || capitals) && free.size() <= 3) return w.toUpperCase(Locale.ROOT);
        }
        return null;
    }

    /** Letters and digits mixed ("HEMAT10"), or typed in capitals and not a word we know. */
    boolean looksLikeCode(String w) {
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLetter(c)) letter = true;
            if (Character.isDigit(c)) digit = true;
        }
        if (letter && digit) return true;
        if (!letter || w.length() < 4) return false;
        String upper = w.toUpperCase(Locale.ROOT);
        return raw.contains(upper) && !Lexicon.DICTIONARY.contains(w) && !Lexicon.NOT_CODES.contains(w);
    }
}
