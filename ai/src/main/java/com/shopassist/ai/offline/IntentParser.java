package com.shopassist.ai.offline;

import com.shopassist.ai.dialog.Intent;
import com.shopassist.ai.dialog.ParsedMessage;
import com.shopassist.ai.dialog.Ref;
import com.shopassist.ai.dialog.Synonyms;
import com.shopassist.ai.lang.Lang;
import com.shopassist.ai.lang.LanguageDetector;
import com.shopassist.ai.lang.NumberWords;
import com.shopassist.ai.lang.TextNormalizer;
import com.shopassist.ai.lang.YesNo;
import com.shopassist.core.order.OrderNumbers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Understands one shopper message: normalises it, corrects typos towards the words it knows,
 * takes out prices, order numbers, references, brands, categories, recipients and quantities,
 * and then decides the intent from what is left (an ordered decision list over cue phrases, so
 * that "hapus voucher" is about the voucher and "tambah 2 ke keranjang" is an add, not a view).
 * Pure and thread-safe; never throws for any text.
 */
public final class IntentParser {

    private static final Pattern ATTACHED_AMOUNT =
            Pattern.compile("^(rp|idr)?(\\d[\\d.,]*)(k|rb|rbu|ribu|ribuan|jt|jta|juta|jutaan|m|mio)?$");
    private static final Pattern QTY_ATTACHED =
            Pattern.compile("^(?:x(\\d{1,3})|(\\d{1,3})(?:x|pcs|pc|buah|biji|unit))$");
    private static final Pattern CODE_SHAPE = Pattern.compile("^[a-z0-9][a-z0-9_]{2,23}$");
    private static final List<String> LABEL_HINTS = Lexicon.LABEL_HINTS;

    private static final List<String> HELP_PHRASES =
            Lexicon.HELP.stream().filter(p -> p.contains(" ")).toList();

    private final Vocabulary vocab;
    private final Map<Integer, List<String>> dictionaryByLength = new HashMap<>();
    private final Map<Integer, List<String>> storeWordsByLength = new HashMap<>();

    public IntentParser(Vocabulary vocab) {
        this.vocab = vocab == null ? Vocabulary.empty() : vocab;
        java.util.Set<String> englishProductWords = new java.util.HashSet<>();
        for (String v : Lexicon.SYNONYMS.values()) englishProductWords.addAll(List.of(v.split(" ")));
        for (String w : Lexicon.DICTIONARY) {
            // English product words are left to the catalog's trigram search: "iphone" is not "phone"
            if (englishProductWords.contains(w) && !Lexicon.CUE_WORDS.contains(w)) continue;
            if (w.length() >= 4)
                dictionaryByLength
                        .computeIfAbsent(w.length(), x -> new ArrayList<>())
                        .add(w);
        }
        List<String> store = new ArrayList<>();
        for (String k : this.vocab.categoryKeys()) {
            if (k.contains(" ")) continue;
            if (k.endsWith("s") && this.vocab.category(k.substring(0, k.length() - 1)) != null) continue;
            store.add(k);
        }
        if (this.vocab.brandKeys().size() <= 5000) {
            for (String k : this.vocab.brandKeys()) if (!k.contains(" ")) store.add(k);
        }
        for (String w : store) {
            if (w.length() >= 6)
                storeWordsByLength
                        .computeIfAbsent(w.length(), x -> new ArrayList<>())
                        .add(w);
        }
    }

    public Vocabulary vocabulary() {
        return vocab;
    }

    public ParsedMessage parse(String raw, Lang fallback) {
        String text = raw == null ? "" : raw;
        if (text.length() > TextNormalizer.MAX_CHARS) text = text.substring(0, TextNormalizer.MAX_CHARS);
        List<String> t = correct(TextNormalizer.tokens(text));
        Lang lang = LanguageDetector.detect(t, fallback == null ? Lang.EN : fallback);
        return new Work(text, t, lang).run();
    }

    // ------------------------------------------------------------------ typo correction

    List<String> correct(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String tok : tokens) out.add(correctOne(tok));
        return out;
    }

    private String correctOne(String tok) {
        if (tok.length() < 4 || Lexicon.DICTIONARY.contains(tok) || Lexicon.PROTECTED.contains(tok)) return tok;
        if (vocab.brand(tok) != null || vocab.category(tok) != null) return tok;
        for (int i = 0; i < tok.length(); i++) {
            char c = tok.charAt(i);
            if (!(c >= 'a' && c <= 'z')) return tok; // digits, hyphens, other scripts: model numbers, not typos
        }
        for (String suffix : Lexicon.SUFFIXES) {
            if (tok.endsWith(suffix) && tok.length() - suffix.length() >= 3) {
                String stem = tok.substring(0, tok.length() - suffix.length());
                if (Lexicon.DICTIONARY.contains(stem) || vocab.category(stem) != null) return stem;
            }
        }
        int max = tok.length() >= 8 ? 2 : 1;
        String best = nearest(tok, dictionaryByLength, max, false);
        if (best == null && tok.length() >= 6) best = nearest(tok, storeWordsByLength, 1, true); // brands, categories
        return best != null ? best : tok;
    }

    /** The one nearest word within {@code max} edits; ties go to the longer shared prefix, else none. */
    private static String nearest(String tok, Map<Integer, List<String>> buckets, int max, boolean keepPlurals) {
        String best = null;
        int bestD = max + 1;
        int bestPrefix = -1;
        boolean tie = false;
        for (int len = tok.length() - max; len <= tok.length() + max; len++) {
            List<String> bucket = buckets.get(len);
            if (bucket == null) continue;
            for (String w : bucket) {
                if (tok.length() == 4 && !isSwap(tok, w)) continue; // four letters: only a swap ("crat")
                if (keepPlurals && (w.equals(tok + "s") || tok.equals(w + "s") || tok.equals(w + "es"))) continue;
                int d = Fuzzy.distance(tok, w, max);
                if (d > max) continue;
                int prefix = commonPrefix(tok, w);
                if (d < bestD || (d == bestD && prefix > bestPrefix)) {
                    bestD = d;
                    best = w;
                    bestPrefix = prefix;
                    tie = false;
                } else if (d == bestD && prefix == bestPrefix && !w.equals(best)) {
                    tie = true;
                }
            }
        }
        return tie ? null : best;
    }

    private static boolean isSwap(String a, String b) {
        if (a.length() != b.length()) return false;
        int diff = -1;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (diff >= 0) {
                    return i == diff + 1
                            && a.charAt(diff) == b.charAt(i)
                            && a.charAt(i) == b.charAt(diff)
                            && a.substring(i + 1).equals(b.substring(i + 1));
                }
                diff = i;
            }
        }
        return false;
    }

    private static int commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) i++;
        return i;
    }

    // ------------------------------------------------------------------ language

    // ------------------------------------------------------------------ one message

    private final class Work {
        final String raw;
        final List<String> t;
        final int n;
        final boolean[] used;
        final boolean[] brandTok;
        final boolean[] catTok;
        final Lang lang;

        Long minPrice;
        Long maxPrice;
        String orderRef;
        final List<Ref> refs = new ArrayList<>();
        String brand;
        String category;
        String recipient;
        String recipientSynonym;
        Integer quantity;
        int quantityIndex = -1;

        Work(String raw, List<String> tokens, Lang lang) {
            this.raw = raw;
            this.t = tokens;
            this.n = tokens.size();
            this.used = new boolean[n];
            this.brandTok = new boolean[n];
            this.catTok = new boolean[n];
            this.lang = lang;
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
                if (removeVerb || clearVerb || hasAny(joined, Lexicon.VOUCHER_REMOVE))
                    return result(Intent.REMOVE_VOUCHER);
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
            if (ordinals >= 2 && !addStrong && !removeVerb && !hasAny(joined, Lexicon.STOCK))
                return result(Intent.COMPARE);
            if (orderTopic && !cartTopic && !addStrong && !removeVerb) {
                boolean status = hasAny(joined, Lexicon.STATUS) || orderRef != null;
                if (status) return result(Intent.ORDER_STATUS);
                if (!hasRef || refs.get(0).kind() == Ref.Kind.LAST) {
                    return result(refs.isEmpty() ? Intent.ORDERS : Intent.ORDER_STATUS);
                }
            }
            if (removeVerb) return result(Intent.REMOVE_FROM_CART);
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

        private boolean isBrandRef() {
            return refs.stream().anyMatch(r -> r.kind() == Ref.Kind.BRAND);
        }

        // -------------------------------------------------------------- slots

        private void extractOrderNumber() {
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

        private record Amount(double value, int start, int end, boolean unit, long multiplier) {}

        private Amount amountAt(int i) {
            if (i >= n || used[i]) return null;
            String tok = t.get(i);
            if ((tok.equals("rp") || tok.equals("idr") || tok.equals("rupiah")) && i + 1 < n) {
                Amount a = amountAt(i + 1);
                return a == null ? null : new Amount(a.value, i, a.end, true, a.multiplier);
            }
            Matcher m = ATTACHED_AMOUNT.matcher(tok);
            if (m.matches()) {
                Double v = NumberWords.parseDigits(m.group(2));
                if (v == null) return null;
                boolean currency = m.group(1) != null;
                String unit = m.group(3);
                int end = i + 1;
                if (unit == null && end < n && NumberWords.MULTIPLIERS.containsKey(t.get(end)) && !used[end]) {
                    unit = t.get(end);
                    end++;
                }
                if (unit == null && end < n && NumberWords.HUNDREDS.contains(t.get(end))) {
                    v = v * 100;
                    end++;
                    if (end < n && NumberWords.MULTIPLIERS.containsKey(t.get(end))) unit = t.get(end++);
                }
                long mult = unit == null ? 1 : NumberWords.MULTIPLIERS.get(unit);
                if (unit != null && unit.equals("m") && v >= 1000) return null; // "1000m" is a length
                return new Amount(v * mult, i, end, currency || unit != null, mult);
            }
            return wordAmount(i);
        }

        /** "dua juta", "lima ratus ribu", "setengah juta", "satu setengah juta", "two million". */
        private Amount wordAmount(int i) {
            double total = 0;
            double current = 0;
            boolean sawMultiplier = false;
            boolean sawAny = false;
            long lastMult = 1;
            int j = i;
            while (j < n && !used[j]) {
                String w = t.get(j);
                Integer u = NumberWords.UNITS.get(w);
                if (w.equals("a") || w.equals("an") || w.equals("se")) {
                    if (!sawAny
                            && !(j + 1 < n
                                    && (t.get(j + 1).equals("half")
                                            || t.get(j + 1).equals("million")))) {
                        break;
                    }
                    current = Math.max(current, 1);
                    sawAny = true;
                } else if (u != null && u == NumberWords.HALF) {
                    current = current + 0.5;
                    sawAny = true;
                } else if (u != null && u >= 1000) {
                    total += u;
                    sawMultiplier = true;
                    sawAny = true;
                    lastMult = u;
                } else if (u != null
                        && u >= 0
                        && !w.equals("pair")
                        && !w.equals("couple")
                        && !w.equals("dozen")
                        && !w.equals("selusin")
                        && !w.equals("sepasang")) {
                    current += u;
                    sawAny = true;
                } else if (w.equals("belas") && sawAny) {
                    current += 10;
                } else if (w.equals("puluh") && sawAny) {
                    current *= 10;
                } else if ((w.equals("ratus") || w.equals("hundred")) && sawAny) {
                    current = Math.max(current, 1) * 100;
                } else if (NumberWords.MULTIPLIERS.containsKey(w) && sawAny && !w.equals("k") && !w.equals("m")) {
                    long mult = NumberWords.MULTIPLIERS.get(w);
                    total += (current > 0 ? current : 1) * mult;
                    current = 0;
                    sawMultiplier = true;
                    lastMult = mult;
                } else {
                    break;
                }
                j++;
            }
            if (!sawMultiplier || j == i) return null;
            return new Amount(total + current, i, j, true, lastMult);
        }

        private void extractPrices() {
            for (int i = 0; i < n; i++) {
                if (used[i]) continue;
                String tok = t.get(i);
                // "200rb-300rb", "200-300rb", "100k-200k"
                if (tok.indexOf('-') > 0 && Character.isDigit(tok.charAt(0))) {
                    String[] parts = tok.split("-");
                    if (parts.length == 2) {
                        Amount hi = single(parts[1]);
                        Amount lo = single(parts[0]);
                        long after =
                                i + 1 < n && !used[i + 1] ? NumberWords.MULTIPLIERS.getOrDefault(t.get(i + 1), 0L) : 0L;
                        if (lo != null && hi != null && !lo.unit && !hi.unit && after > 0) {
                            setRange(lo.value * after, hi.value * after);
                            used[i] = true;
                            used[i + 1] = true;
                            markCueBefore(i, Lexicon.RANGE_START);
                            continue;
                        }
                        if (lo != null && hi != null && (lo.unit || hi.unit)) {
                            double lov = lo.unit ? lo.value : lo.value * hi.multiplier;
                            setRange(lov, hi.value);
                            used[i] = true;
                            markCueBefore(i, Lexicon.RANGE_START);
                            continue;
                        }
                    }
                }
                Amount a = amountAt(i);
                if (a == null) continue;
                int j = a.end;
                if (j < n && !used[j] && Lexicon.RANGE_JOIN.contains(t.get(j))) {
                    Amount b = amountAt(j + 1);
                    boolean started = cueBefore(i, Lexicon.RANGE_START) >= 0;
                    if (b != null && (a.unit || b.unit || started)) {
                        double lo = a.unit ? a.value : a.value * b.multiplier;
                        double hi = b.unit ? b.value : b.value * (a.multiplier > 1 ? a.multiplier : 1000);
                        if (!a.unit && !b.unit) {
                            lo = bare(a.value);
                            hi = bare(b.value);
                        }
                        if (lo > 0 && hi > 0) {
                            setRange(lo, hi);
                            mark(i, b.end);
                            markCueBefore(i, Lexicon.RANGE_START);
                            i = b.end - 1;
                            continue;
                        }
                    }
                }
                int maxStart = cueBefore(i, Lexicon.MAX_CUE);
                int minStart = cueBefore(i, Lexicon.MIN_CUE);
                int aroundStart = cueBefore(i, Lexicon.AROUND_CUE);
                boolean cue = maxStart >= 0 || minStart >= 0 || aroundStart >= 0;
                double value = a.value;
                if (!a.unit) {
                    if (!cue) continue;
                    value = bare(value);
                    if (value <= 0) continue;
                }
                if (value < 1000 || value > 1e12) continue;
                long v = Math.round(value);
                if (minStart >= 0 && (maxStart < 0 || minStart < maxStart)) {
                    minPrice = v;
                    mark(minStart, a.end);
                } else if (aroundStart >= 0 && maxStart < 0) {
                    minPrice = Math.round(v * 0.8);
                    maxPrice = Math.round(v * 1.2);
                    mark(aroundStart, a.end);
                } else {
                    maxPrice = v;
                    mark(maxStart >= 0 ? maxStart : a.start, a.end);
                }
                i = a.end - 1;
            }
        }

        /** Shoppers drop the "ribu": "under 500" means Rp 500.000 in a store where nothing costs Rp 500. */
        private double bare(double v) {
            if (v >= 10 && v < 10_000) return v * 1000;
            if (v >= 10_000) return v;
            return -1;
        }

        private Amount single(String s) {
            Matcher m = ATTACHED_AMOUNT.matcher(s);
            if (!m.matches()) return null;
            Double v = NumberWords.parseDigits(m.group(2));
            if (v == null) return null;
            String unit = m.group(3);
            long mult = unit == null ? 1 : NumberWords.MULTIPLIERS.get(unit);
            return new Amount(v * mult, 0, 0, unit != null || m.group(1) != null, mult);
        }

        private void setRange(double a, double b) {
            long lo = Math.round(Math.min(a, b));
            long hi = Math.round(Math.max(a, b));
            minPrice = lo;
            maxPrice = hi;
        }

        /** Start index of a cue phrase that ends just before i (skipping "harga", "rp", "saya"), else -1. */
        private int cueBefore(int i, List<String> cues) {
            int best = -1;
            for (int skip = 0; skip <= 2; skip++) {
                int end = i - skip; // exclusive end of the cue
                if (skip > 0) {
                    String s = end < n && end >= 0 ? t.get(end) : "";
                    if (!Lexicon.PRICE_SKIP.contains(s)) {
                        break;
                    }
                }
                for (String cue : cues) {
                    String[] w = cue.split(" ");
                    int start = end - w.length;
                    if (start < 0) continue;
                    boolean ok = true;
                    for (int k = 0; k < w.length && ok; k++) {
                        if (used[start + k] || !t.get(start + k).equals(w[k])) ok = false;
                    }
                    if (ok && (best < 0 || start < best)) best = start;
                }
                if (best >= 0) return best;
            }
            return best;
        }

        private void markCueBefore(int i, List<String> cues) {
            int s = cueBefore(i, cues);
            if (s >= 0) mark(s, i);
        }

        private void mark(int from, int toExclusive) {
            for (int k = Math.max(0, from); k < Math.min(n, toExclusive); k++) used[k] = true;
        }

        private void extractRefs() {
            for (int i = 0; i < n; i++) {
                if (used[i]) continue;
                String tok = t.get(i);
                Integer ord = NumberWords.ORDINALS.get(tok);
                if (ord != null) {
                    refs.add(Ref.ordinal(ord));
                    used[i] = true;
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

        private void extractBrand() {
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

        private void extractCategory() {
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

        private void extractRecipient() {
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

        private void extractQuantity(String joined) {
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

        private Intent yesNo() {
            String joined = joinUnused().trim();
            boolean onlyThat = refs.stream().allMatch(r -> r.kind() == Ref.Kind.THAT);
            if (!onlyThat || minPrice != null || maxPrice != null) return null;
            if (joined.isEmpty()) return refs.isEmpty() ? Intent.HELP : null;
            YesNo.Answer answer = YesNo.of(joined, !refs.isEmpty());
            if (answer == null) return null;
            return answer == YesNo.Answer.YES ? Intent.CONFIRM : Intent.DENY;
        }

        private List<String> contentTokens() {
            return contentTokens(false);
        }

        /** Product words left over; the quantity's token counts only in a search ("iphone 15"). */
        private List<String> contentTokens(boolean withQuantity) {
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

        private String voucherCode() {
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
                    if (CODE_SHAPE.matcher(w).matches() && (apply || looksLikeCode(w)))
                        return w.toUpperCase(Locale.ROOT);
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
        private String standaloneCode() {
            List<String> free = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String w = t.get(i);
                if (!used[i] && !Lexicon.STOP_WORDS.contains(w) && !Lexicon.FILLER.contains(w)) free.add(w);
            }
            String joined = joinUnused();
            boolean applyVerb = hasAny(joined, Lexicon.APPLY) && !hasAny(joined, Lexicon.NOT_APPLY_VERBS);
            for (String w : free) {
                if (Lexicon.CUE_WORDS.contains(w) || !CODE_SHAPE.matcher(w).matches()) continue;
                boolean mixed =
                        w.chars().anyMatch(Character::isLetter) && w.chars().anyMatch(Character::isDigit);
                boolean capitals = raw.contains(w.toUpperCase(Locale.ROOT)) && w.length() >= 4;
                if (mixed && capitals && free.size() <= 2) return w.toUpperCase(Locale.ROOT);
                if (applyVerb && (mixed || capitals) && free.size() <= 3) return w.toUpperCase(Locale.ROOT);
            }
            return null;
        }

        /** Letters and digits mixed ("HEMAT10"), or typed in capitals and not a word we know. */
        private boolean looksLikeCode(String w) {
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

        private String addressLabel() {
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

        private List<String> compareNames() {
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

        private String sort(String joined) {
            if (hasAny(joined, Lexicon.CHEAP) || hasAny(joined, Lexicon.CHEAPEST)) return "price_asc";
            if (hasAny(joined, Lexicon.PRICIEST)) return "price_desc";
            if (hasAny(joined, Lexicon.NEWEST)) return "newest";
            return null;
        }

        private ParsedMessage result(Intent intent) {
            return result(intent, null);
        }

        private ParsedMessage result(Intent intent, String code) {
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
                    String.join(" ", searchWords));
        }

        /** Words that carry meaning for a semantic search, cue verbs included, noise and sort words not. */
        private String phrase(boolean cartWrite) {
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
        private String ask() {
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

        private String joinUnused() {
            StringBuilder sb = new StringBuilder(" ");
            for (int i = 0; i < n; i++) {
                if (used[i] && !brandTok[i]) continue;
                sb.append(t.get(i)).append(' ');
            }
            return sb.toString();
        }
    }

    static boolean hasAny(String joined, List<String> phrases) {
        for (String p : phrases) {
            if (joined.contains(" " + p + " ")) return true;
        }
        return false;
    }
}
