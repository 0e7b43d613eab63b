package com.shopassist.ai.gemini;

import com.shopassist.ai.gemini.Amounts.Amount;
import com.shopassist.ai.gemini.Facts.Known;
import com.shopassist.ai.gemini.ProductMentions.Mention;
import com.shopassist.ai.gemini.SentenceSplitter.Piece;
import com.shopassist.ai.gemini.StockClaims.Claim;
import com.shopassist.ai.lang.Lang;
import com.shopassist.core.chat.Correction;
import com.shopassist.core.chat.ProductCard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check of one answer, a sentence at a time, as it streams or all at once:
 * <ul>
 *   <li>an amount in a sentence that names a product is that product's price (or, for a cart line,
 *       its line total, or the price times a quantity the sentence states); another amount is
 *       corrected to the price, so a price never passes for a product it does not belong to;
 *   <li>an amount in a sentence that names no product must be a figure the tools gave (a total, a
 *       discount) or the shopper's own, else the sentence goes; so does a sentence right after
 *       one about a single product whose amount is neither that product's price nor such a figure;
 *   <li>"under Rp X" and "above Rp X" must hold for every product the sentence names;
 *   <li>stock claims follow the units available, zero included: "tinggal 3" for a sold-out product
 *       becomes "sedang habis", "sold out" for one with units becomes "in stock";
 *   <li>a product id the tools did not return, or a list item with an amount that names no
 *       product they returned, goes (with the rest of its line).
 * </ul>
 * The text shown is the kept sentences with the white space between them, so what streamed is
 * exactly the final text. Each change is counted as a {@link Correction}.
 */
final class ReplyCheck {

    private static final Pattern PRODUCT_REF =
            Pattern.compile("(?i)\\b(?:product\\s*id|product|id)\\s*[:#]?\\s*(\\d{1,9})\\b");
    private static final Pattern QUANTITY = Pattern.compile("(?<![\\d.,])(\\d{1,2})(?![\\d.,]\\d)");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[\\s&&[^\\n]]*\\n(?:\\s*\\n)+");
    private static final Pattern CLAUSE = Pattern.compile("[,;:(]");
    /** Words before (or "off" after) an amount that make it a figure, not a price: totals, discounts, fees. */
    private static final Pattern FIGURE_BEFORE = Pattern.compile("(?i)\\b(?:total|subtotal|jumlah|grand|sum"
            + "|discount|diskon|potongan|hemat|save|saving|savings|cashback|voucher|ongkir|ongkos|shipping|delivery"
            + "|biaya|fee|spend|belanja|order|pesanan|paid|pay|bayar|dibayar|cart|keranjang|refund|minimum|min"
            + "|minimal|difference|selisih)\\b");

    private static final Pattern FIGURE_AFTER = Pattern.compile("(?i)^\\W{0,3}(?:off|discount|diskon)\\b");
    private static final Pattern UPPER_BEFORE = Pattern.compile("(?i)\\b(?:under|below|less than|cheaper than"
            + "|at most|up to|within|max|maximum|no more than|not more than|di bawah|dibawah|kurang dari|maksimal"
            + "|maks|sampai|hingga|tidak lebih dari|budget|anggaran|bujet)\\b");
    private static final Pattern UPPER_AFTER =
            Pattern.compile("(?i)^\\W{0,3}(?:or less|ke bawah|budget|anggaran|bujet)\\b");
    private static final Pattern LOWER_BEFORE =
            Pattern.compile("(?i)\\b(?:above|over|more than|at least|di atas|diatas|lebih dari)\\b");

    private enum Role {
        PRICE,
        FIGURE,
        UPPER,
        LOWER
    }

    private record Edit(int start, int end, String text) {}

    private final Facts.Source source;
    private final Lang lang;
    private final StringBuilder shown = new StringBuilder();
    private final List<Correction> corrections = new ArrayList<>();
    private final Map<Long, ProductCard> cards = new LinkedHashMap<>();
    private String gap = "";
    private boolean afterDrop;
    private boolean droppingLine;
    /** The one product the previous sentence of this paragraph named, for "It is Rp 699.000." */
    private Known subject;

    ReplyCheck(Facts.Source source, Lang lang) {
        this.source = source;
        this.lang = lang;
    }

    /** What to show of this piece now: the checked sentence with the space before it, or "". */
    String accept(Piece piece) {
        if (piece.gap()) {
            String g = piece.text();
            if (g.indexOf('\n') >= 0) droppingLine = false;
            if (newlines(g) >= 2) subject = null;
            gap = afterDrop && newlines(g) <= newlines(gap) ? gap : afterDrop ? g : gap + g;
            afterDrop = false;
            return "";
        }
        String checked = droppingLine ? null : check(piece);
        if (checked == null || checked.isBlank()) {
            afterDrop = true;
            if (piece.listItem() || droppingLine) droppingLine = true;
            return "";
        }
        String out = (shown.isEmpty() ? "" : BLANK_LINES.matcher(gap).replaceAll("\n\n")) + checked;
        gap = "";
        afterDrop = false;
        shown.append(out);
        return out;
    }

    /** Everything shown so far. */
    String text() {
        return shown.toString();
    }

    List<ProductCard> cards() {
        return List.copyOf(cards.values());
    }

    List<Correction> corrections() {
        return List.copyOf(corrections);
    }

    // ------------------------------------------------------------------ one sentence

    /** The sentence as the shopper may see it, or null when it goes. */
    private String check(Piece piece) {
        String s = piece.text();
        Facts facts = source.facts(s.chars().anyMatch(Character::isDigit));
        Matcher ref = PRODUCT_REF.matcher(s);
        while (ref.find()) {
            long id = Long.parseLong(ref.group(1));
            if (!facts.known.containsKey(id)) {
                return drop(Correction.Kind.UNKNOWN_PRODUCT, "removed a product id the tools did not return: " + id);
            }
        }
        if (piece.listItem()) subject = null; // each item is about its own product
        List<Mention> mentions = ProductMentions.find(s, facts.names);
        List<Amount> amounts = new ArrayList<>();
        for (Amount a : Amounts.read(s)) {
            if (mentions.stream().noneMatch(m -> a.overlaps(m.start(), m.end()))) amounts.add(a);
        }
        Known carried = mentions.isEmpty() ? subject : null;
        List<Integer> quantities = quantities(s, mentions, amounts);
        List<Edit> edits = new ArrayList<>();
        int before = corrections.size();
        int from = 0;
        for (Amount a : amounts) {
            String verdict = amount(s, from, a, mentions, carried, facts, quantities, edits);
            from = a.end();
            if (verdict != null) {
                // the sentence goes: the fixes made to it so far are not shown, so not counted
                corrections.subList(before, corrections.size()).clear();
                Correction.Kind kind = verdict.startsWith("price")
                        ? Correction.Kind.PRICE
                        : piece.listItem() && mentions.isEmpty() && carried == null
                                ? Correction.Kind.UNKNOWN_PRODUCT
                                : Correction.Kind.AMOUNT;
                return drop(
                        kind,
                        kind == Correction.Kind.UNKNOWN_PRODUCT
                                ? "removed a product the tools did not return"
                                : verdict);
            }
        }
        String whole = stock(s, piece, mentions, carried, amounts, edits);
        for (Mention m : mentions)
            for (Known k : m.products())
                if (k.product() != null) cards.putIfAbsent(k.id(), ProductCard.of(k.product()));
        List<Known> named =
                mentions.stream().flatMap(m -> m.products().stream()).distinct().toList();
        if (named.size() == 1) subject = named.get(0);
        else if (named.size() > 1) subject = null;
        return whole != null ? whole : apply(s, edits);
    }

    private String drop(Correction.Kind kind, String note) {
        corrections.add(new Correction(kind, note));
        return null;
    }

    /** Null when the amount stands (or was corrected by an edit); else why its sentence goes. */
    private String amount(
            String s,
            int from,
            Amount a,
            List<Mention> mentions,
            Known carried,
            Facts facts,
            List<Integer> quantities,
            List<Edit> edits) {
        long v = a.value();
        List<Known> about = new ArrayList<>();
        for (Mention m : mentions) about.addAll(m.products());
        if (about.isEmpty() && carried != null) about.add(carried);
        Role role = role(s, from, a, mentions);
        switch (role) {
            case FIGURE -> {
                if (facts.figure(v) || about.stream().anyMatch(k -> k.priced(v, quantities))) return null;
                return "removed a sentence with a figure no tool gave";
            }
            case UPPER, LOWER -> {
                // only the products this sentence names: "Shipping is free above Rp 500.000." after
                // a sentence about the JBL says nothing of the JBL's price
                List<Known> named = new ArrayList<>();
                for (Mention m : mentions) named.addAll(m.products());
                if (named.isEmpty())
                    return facts.figure(v) ? null : "removed a sentence with a limit no tool or shopper gave";
                boolean upper = role == Role.UPPER;
                for (Known k : named) {
                    long p = k.price().toLong();
                    if (upper ? p > v : p < v)
                        return "price of " + k.name() + " is not " + (upper ? "under " : "over ") + v;
                }
                return null;
            }
            default -> {
                if (mentions.isEmpty()) {
                    if (facts.figure(v) || carried != null && carried.priced(v, quantities)) return null;
                    return carried != null
                            ? "removed a sentence with an amount that is not the price of " + carried.name()
                            : "removed a sentence with an amount no product or figure has";
                }
                Mention owner = owner(mentions, a.start());
                if (owner.products().stream().anyMatch(k -> k.priced(v, quantities))) return null;
                if (!owner.single())
                    return "price of an unclear product (" + owner.products().size() + " fit)";
                Known k = owner.product();
                edits.add(new Edit(a.start(), a.end(), k.price().format()));
                corrections.add(new Correction(
                        Correction.Kind.PRICE,
                        "price of " + k.name() + " corrected from " + v + " to "
                                + k.price().toLong()));
                return null;
            }
        }
    }

    /** What an amount is, from the words between it and what comes before it in its clause (no product's name). */
    private static Role role(String s, int from, Amount a, List<Mention> mentions) {
        int clause = from;
        for (Mention m : mentions) if (m.end() <= a.start()) clause = Math.max(clause, m.end());
        Matcher c = CLAUSE.matcher(s).region(clause, a.start());
        while (c.find()) clause = c.end();
        String before = s.substring(Math.max(clause, a.start() - 32), a.start());
        String after = s.substring(a.end(), Math.min(s.length(), a.end() + 16));
        int figure = lastEnd(FIGURE_BEFORE, before);
        int upper = lastEnd(UPPER_BEFORE, before);
        int lower = lastEnd(LOWER_BEFORE, before);
        if (FIGURE_AFTER.matcher(after).find()) return Role.FIGURE;
        if (UPPER_AFTER.matcher(after).find()) return Role.UPPER;
        int best = Math.max(figure, Math.max(upper, lower));
        if (best < 0) return Role.PRICE;
        if (best == figure) return Role.FIGURE;
        return best == upper ? Role.UPPER : Role.LOWER;
    }

    private static int lastEnd(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int end = -1;
        while (m.find()) end = m.end();
        return end;
    }

    /** The product an amount or claim at {@code at} is about: the last named before it, else the first after. */
    private static Mention owner(List<Mention> mentions, int at) {
        Mention owner = null;
        for (Mention m : mentions) if (m.start() < at) owner = m;
        return owner != null ? owner : mentions.get(0);
    }

    /** Small numbers a sentence states besides names and amounts: "2 x", "for 3". */
    private static List<Integer> quantities(String s, List<Mention> mentions, List<Amount> amounts) {
        List<Integer> out = new ArrayList<>();
        Matcher m = QUANTITY.matcher(s);
        while (m.find()) {
            int st = m.start();
            int en = m.end();
            if (mentions.stream().anyMatch(x -> x.start() < en && st < x.end())) continue;
            if (amounts.stream().anyMatch(x -> x.overlaps(st, en))) continue;
            int q = Integer.parseInt(m.group(1));
            if (q > 1) out.add(q);
        }
        return out;
    }

    // ------------------------------------------------------------------ stock

    /** Adds edits for wrong stock claims; returns a whole new sentence when one is needed, else null. */
    private String stock(
            String s, Piece piece, List<Mention> mentions, Known carried, List<Amount> amounts, List<Edit> edits) {
        // a number in a name ("Buds 5 available") or an amount is no count; a claim inside a name is none
        List<Claim> claims = new ArrayList<>();
        for (Claim c : StockClaims.read(s, at -> inName(mentions, at, at + 1) || inAmount(amounts, at))) {
            if (!inName(mentions, c.start(), c.end())) claims.add(c);
        }
        for (Claim c : claims) {
            Known k = mentions.isEmpty() ? carried : single(owner(mentions, c.start()));
            if (k == null || k.available() < 0) continue;
            int available = k.available();
            if (c.count() != null) {
                if (c.count() == available) continue;
                if (available > 0) {
                    edits.add(new Edit(c.countStart(), c.countEnd(), Integer.toString(available)));
                    corrections.add(new Correction(
                            Correction.Kind.STOCK,
                            "stock of " + k.name() + " corrected from " + c.count() + " to " + available));
                    continue;
                }
                corrections.add(
                        new Correction(Correction.Kind.STOCK, k.name() + " is sold out, not " + c.count() + " left"));
                boolean oneProduct = mentions.stream().allMatch(m -> single(m) == k);
                if (oneProduct && !piece.listItem()) {
                    return lang.pick(k.name() + " is sold out right now.", k.name() + " sedang habis.");
                }
                edits.add(new Edit(c.start(), c.end(), matchCase(s, c, c.opposite())));
            } else if (c.polarity() == StockClaims.Polarity.IN && available == 0) {
                if (saysSoldOut(claims, mentions, carried, k)) continue; // "sold out, but similar ones are available"
                edits.add(new Edit(c.start(), c.end(), matchCase(s, c, c.opposite())));
                corrections.add(new Correction(Correction.Kind.STOCK, k.name() + " is sold out"));
            } else if (c.polarity() == StockClaims.Polarity.OUT && available > 0) {
                edits.add(new Edit(c.start(), c.end(), matchCase(s, c, c.opposite())));
                corrections.add(new Correction(Correction.Kind.STOCK, k.name() + " is in stock, not sold out"));
            }
        }
        return null;
    }

    private static boolean inName(List<Mention> mentions, int start, int end) {
        return mentions.stream().anyMatch(m -> start < m.end() && m.start() < end);
    }

    private static boolean inAmount(List<Amount> amounts, int at) {
        return amounts.stream().anyMatch(a -> a.overlaps(at, at + 1));
    }

    private static boolean saysSoldOut(List<Claim> claims, List<Mention> mentions, Known carried, Known k) {
        for (Claim c : claims) {
            Known about = mentions.isEmpty() ? carried : single(owner(mentions, c.start()));
            if (about == k && c.count() == null && c.polarity() == StockClaims.Polarity.OUT) return true;
        }
        return false;
    }

    private static Known single(Mention m) {
        return m.single() ? m.product() : null;
    }

    /** "Sold out" for "In stock" at the start of a sentence. */
    private static String matchCase(String s, Claim c, String replacement) {
        if (replacement.isEmpty() || !Character.isUpperCase(s.charAt(c.start()))) return replacement;
        return Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
    }

    private static String apply(String s, List<Edit> edits) {
        if (edits.isEmpty()) return s;
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start).reversed());
        StringBuilder sb = new StringBuilder(s);
        int limit = s.length();
        for (Edit e : sorted) {
            if (e.end() > limit) continue; // overlapping edits: the later one stands
            sb.replace(e.start(), e.end(), e.text());
            limit = e.start();
        }
        return sb.toString();
    }

    private static int newlines(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '\n') n++;
        return n;
    }
}
