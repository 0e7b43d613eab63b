package com.shopassist.ai.gemini;

import com.shopassist.ai.lang.Lang;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.CartLine;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.chat.ProductCard;
import com.shopassist.core.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a model's answer against this turn's tool results before a shopper sees it, line by
 * line: a line about a product the tools returned gets that product's price and stock; a product
 * line (a list item with a price) about a product the tools did not return is removed; a
 * sentence with an amount that no tool result, cart or shopper message contains is removed. The
 * cards are the returned products the answer mentions.
 */
final class ReplyValidator {

    /** What the shopper gets: the checked text, the cards, and what was changed (for logs and tests). */
    /**
     * @param corrections what was changed, each a short note naming a catalog product or id at
     *     most: never a sentence of the model's, which can repeat what the shopper typed
     */
    record Checked(String text, List<ProductCard> cards, List<String> corrections) {}

    /** The corrections for a log line: the notes are already free of the model's sentences. */
    static String kinds(Checked c) {
        return c.corrections().size() + " " + c.corrections();
    }

    private record Known(long id, String name, Money price, int available, Product product) {}

    private static final Pattern AMOUNT = Pattern.compile(
            "(?i)(?:\\b(?:rp|idr)\\.?\\s?)(\\d{1,3}(?:[.,]\\d{3})+|\\d+(?:[.,]\\d+)?)(\\s?(?:juta|jt|ribu|rb|k)\\b)?"
                    + "|\\b(\\d+(?:[.,]\\d+)?)\\s?(juta|jt|ribu|rb)\\b");
    private static final Pattern NUMBER_IN_DATA = Pattern.compile("\\d{4,}");
    private static final Pattern PRODUCT_REF =
            Pattern.compile("(?i)\\b(?:product\\s*id|product|id)\\s*[:#]?\\s*(\\d{1,9})\\b");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*•]|\\d+[.)])\\s+");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]{2,120})\\*\\*");
    private static final Pattern LEFT_EN = Pattern.compile(
            "(?i)\\bonly (\\d+) (?:left|in stock|available)|\\b(\\d+) (?:left|in stock|available|units? left)");
    private static final Pattern LEFT_ID = Pattern.compile("(?i)\\b(?:sisa|tinggal|stok|stock)\\s*:?\\s*(\\d+)");
    private static final Pattern SOLD_OUT =
            Pattern.compile("(?i)\\b(out of stock|sold out|habis|stok kosong|tidak tersedia)\\b");
    private static final Pattern IN_STOCK =
            Pattern.compile("(?i)\\b(in stock|available|tersedia|ready stock|ready)\\b");
    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+");

    Checked check(String text, List<ToolResult> results, String shopperMessage, Lang lang) {
        Map<Long, Known> known = new LinkedHashMap<>();
        Set<Long> amounts = new HashSet<>();
        for (ToolResult r : results) {
            for (Product p : r.products()) {
                known.put(p.id(), new Known(p.id(), p.name(), p.price(), p.available(), p));
                amounts.add(p.price().toLong());
            }
            if (r.cart() != null) addCart(r.cart(), known, amounts);
            if (r.forModel() != null) {
                Matcher m = NUMBER_IN_DATA.matcher(r.forModel().replaceAll("(?<=\\d)[.,](?=\\d{3}\\b)", ""));
                while (m.find()) amounts.add(Long.parseLong(m.group()));
                for (long a : amountsIn(r.forModel())) amounts.add(a);
            }
        }
        for (long a : amountsIn(shopperMessage)) amounts.add(a);

        List<String> corrections = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        Map<Long, ProductCard> mentioned = new LinkedHashMap<>();
        for (String line : (text == null ? "" : text).split("\n", -1)) {
            String checked = checkLine(line, known, amounts, corrections, mentioned, lang);
            if (checked != null) kept.add(checked);
        }
        String out = String.join("\n", kept).replaceAll("\n{3,}", "\n\n").strip();
        return new Checked(out, List.copyOf(mentioned.values()), corrections);
    }

    private String checkLine(
            String line,
            Map<Long, Known> known,
            Set<Long> amounts,
            List<String> corrections,
            Map<Long, ProductCard> mentioned,
            Lang lang) {
        if (line.isBlank()) return line;
        Matcher ref = PRODUCT_REF.matcher(line);
        while (ref.find()) {
            long id = Long.parseLong(ref.group(1));
            if (!known.containsKey(id)) {
                corrections.add("removed line naming unknown product id " + id);
                return null;
            }
        }
        if (LIST_ITEM.matcher(line).find()) return checkUnit(line, true, known, amounts, corrections, mentioned, lang);
        // prose: each sentence is checked on its own, so a price in one is not "corrected" by a product in another
        List<String> keep = new ArrayList<>();
        for (String sentence : SENTENCE.split(line)) {
            String checked = checkUnit(sentence, false, known, amounts, corrections, mentioned, lang);
            if (checked != null) keep.add(checked);
        }
        String joined = String.join(" ", keep);
        return joined.isBlank() ? null : joined;
    }

    /** A list item or a sentence: about one product (fix it), none (amounts must be known), or several. */
    private String checkUnit(
            String unit,
            boolean listItem,
            Map<Long, Known> known,
            Set<Long> amounts,
            List<String> corrections,
            Map<Long, ProductCard> mentioned,
            Lang lang) {
        List<Known> inUnit = productsIn(unit, known.values());
        for (Known k : inUnit) if (k.product() != null) mentioned.putIfAbsent(k.id(), ProductCard.of(k.product()));
        List<long[]> prices = amountSpans(unit);
        boolean unknownAmount = prices.stream().anyMatch(p -> !amounts.contains(p[0]));
        if (inUnit.size() == 1) {
            Known k = inUnit.get(0);
            return fixStock(fixPrices(unit, prices, k, amounts, corrections), k, corrections, lang);
        }
        if (!unknownAmount) return unit;
        corrections.add(
                listItem && inUnit.isEmpty()
                        ? "removed product the tools did not return"
                        : "removed unverified amount");
        return null;
    }

    private static String fixPrices(
            String line, List<long[]> prices, Known k, Set<Long> amounts, List<String> corrections) {
        if (k.price() == null) return line;
        StringBuilder sb = new StringBuilder(line);
        for (int i = prices.size() - 1; i >= 0; i--) {
            long[] p = prices.get(i);
            if (p[0] == k.price().toLong() || amounts.contains(p[0])) continue;
            sb.replace((int) p[1], (int) p[2], k.price().format());
            corrections.add("price of " + k.name() + " corrected from " + p[0] + " to "
                    + k.price().toLong());
        }
        return sb.toString();
    }

    private static String fixStock(String line, Known k, List<String> corrections, Lang lang) {
        if (k.available() < 0) return line;
        String out = line;
        for (Pattern p : List.of(LEFT_EN, LEFT_ID)) {
            Matcher m = p.matcher(out);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                int g = m.group(1) != null ? 1 : 2;
                int claimed = Integer.parseInt(m.group(g));
                if (claimed != k.available() && k.available() > 0) {
                    String rep = m.group().substring(0, m.start(g) - m.start())
                            + k.available()
                            + m.group().substring(m.end(g) - m.start());
                    m.appendReplacement(sb, Matcher.quoteReplacement(rep));
                    corrections.add("stock of " + k.name() + " corrected from " + claimed + " to " + k.available());
                } else {
                    m.appendReplacement(sb, Matcher.quoteReplacement(m.group()));
                }
            }
            m.appendTail(sb);
            out = sb.toString();
        }
        if (k.available() > 0 && SOLD_OUT.matcher(out).find()) {
            out = SOLD_OUT.matcher(out).replaceAll(lang.pick("in stock", "tersedia"));
            corrections.add(k.name() + " is in stock, not sold out");
        } else if (k.available() == 0
                && !SOLD_OUT.matcher(out).find()
                && IN_STOCK.matcher(out).find()) {
            out = IN_STOCK.matcher(out).replaceAll(lang.pick("sold out", "stok habis"));
            corrections.add(k.name() + " is sold out");
        }
        return out;
    }

    /** Products whose name the line mentions (exactly, by a bold name, or by brand and first words). */
    private static List<Known> productsIn(String line, Iterable<Known> known) {
        String norm = " " + norm(line) + " ";
        List<String> bolds = new ArrayList<>();
        Matcher b = BOLD.matcher(line);
        while (b.find()) bolds.add(norm(b.group(1)));
        List<Known> strong = new ArrayList<>();
        List<Known> weak = new ArrayList<>();
        int bestPrefix = 0;
        for (Known k : known) {
            String name = norm(k.name());
            if (name.isEmpty()) continue;
            boolean hit = norm.contains(" " + name + " ");
            for (String bold : bolds) {
                if (!hit && bold.length() >= 6 && (name.contains(bold) || bold.contains(name))) hit = true;
            }
            if (hit) {
                strong.add(k);
                continue;
            }
            // a shortened name: the longest run of the name's leading words the line contains
            String[] words = name.split(" ");
            int n = 0;
            StringBuilder phrase = new StringBuilder();
            for (String w : words) {
                String next = phrase.length() == 0 ? w : phrase + " " + w;
                if (!norm.contains(" " + next + " ")) break;
                phrase.setLength(0);
                phrase.append(next);
                n++;
            }
            if (n >= 3 && phrase.length() >= 8) {
                if (n > bestPrefix) {
                    weak.clear();
                    bestPrefix = n;
                }
                if (n == bestPrefix) weak.add(k);
            }
        }
        List<Known> out = strong.isEmpty() ? weak : strong;
        // a longer name that contains a shorter one wins ("iPhone 15 Pro" over "iPhone 15")
        out.removeIf(k -> out.stream()
                .anyMatch(o -> o != k
                        && norm(o.name()).contains(norm(k.name()))
                        && norm(o.name()).length() > norm(k.name()).length()));
        return out;
    }

    private static void addCart(Cart cart, Map<Long, Known> known, Set<Long> amounts) {
        amounts.add(cart.subtotal().toLong());
        amounts.add(cart.total().toLong());
        if (cart.discount() != null) amounts.add(cart.discount().toLong());
        for (CartLine l : cart.lines()) {
            amounts.add(l.unitPrice().toLong());
            amounts.add(l.lineTotal().toLong());
            if (l.lineDiscount() != null) amounts.add(l.lineDiscount().toLong());
            known.putIfAbsent(l.productId(), new Known(l.productId(), l.name(), l.unitPrice(), l.available(), null));
        }
    }

    static List<Long> amountsIn(String text) {
        List<Long> out = new ArrayList<>();
        for (long[] s : amountSpans(text)) out.add(s[0]);
        return out;
    }

    /** Each amount in the text: {value in rupiah, start, end}. */
    static List<long[]> amountSpans(String text) {
        List<long[]> out = new ArrayList<>();
        if (text == null) return out;
        Matcher m = AMOUNT.matcher(text);
        while (m.find()) {
            String digits = m.group(1) != null ? m.group(1) : m.group(3);
            String unit = m.group(1) != null ? m.group(2) : m.group(4);
            Long v = parse(digits, unit);
            if (v != null) out.add(new long[] {v, m.start(), m.end()});
        }
        return out;
    }

    private static Long parse(String digits, String unit) {
        String u = unit == null ? "" : unit.strip().toLowerCase(Locale.ROOT);
        long mult = switch (u) {
            case "juta", "jt" -> 1_000_000L;
            case "ribu", "rb", "k" -> 1_000L;
            default -> 1L;
        };
        try {
            BigDecimal value;
            if (mult == 1L) {
                value = new BigDecimal(
                        digits.replaceAll("[.,](?=\\d{3}(\\D|$))", "").replace(',', '.'));
            } else {
                value = new BigDecimal(digits.replace(',', '.'));
            }
            return value.multiply(BigDecimal.valueOf(mult))
                    .setScale(0, java.math.RoundingMode.HALF_UP)
                    .longValueExact();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String norm(String s) {
        return s == null
                ? ""
                : s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
