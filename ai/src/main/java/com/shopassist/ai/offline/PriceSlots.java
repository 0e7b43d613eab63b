package com.shopassist.ai.offline;

import com.shopassist.ai.lang.Lang;
import com.shopassist.ai.lang.NumberWords;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prices in a message, with their cue words: "under 500k", "di bawah 1,5 jt", "antara 200rb dan
 * 300rb", "sekitar dua juta", "Rp 1.250.000", and the bare "under 500" that means Rp 500.000.
 */
abstract class PriceSlots extends MessageTokens {

    static final Pattern ATTACHED_AMOUNT =
            Pattern.compile("^(rp|idr)?(\\d[\\d.,]*)(k|rb|rbu|ribu|ribuan|jt|jta|juta|jutaan|m|mio)?$");

    Long minPrice;
    Long maxPrice;

    PriceSlots(String raw, List<String> tokens, Lang lang, Vocabulary vocab) {
        super(raw, tokens, lang, vocab);
    }

    record Amount(double value, int start, int end, boolean unit, long multiplier) {}

    Amount amountAt(int i) {
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
    Amount wordAmount(int i) {
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
                                && (t.get(j + 1).equals("half") || t.get(j + 1).equals("million")))) {
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

    void extractPrices() {
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
    double bare(double v) {
        if (v >= 10 && v < 10_000) return v * 1000;
        if (v >= 10_000) return v;
        return -1;
    }

    Amount single(String s) {
        Matcher m = ATTACHED_AMOUNT.matcher(s);
        if (!m.matches()) return null;
        Double v = NumberWords.parseDigits(m.group(2));
        if (v == null) return null;
        String unit = m.group(3);
        long mult = unit == null ? 1 : NumberWords.MULTIPLIERS.get(unit);
        return new Amount(v * mult, 0, 0, unit != null || m.group(1) != null, mult);
    }

    void setRange(double a, double b) {
        long lo = Math.round(Math.min(a, b));
        long hi = Math.round(Math.max(a, b));
        minPrice = lo;
        maxPrice = hi;
    }

    /** Start index of a cue phrase that ends just before i (skipping "harga", "rp", "saya"), else -1. */
    int cueBefore(int i, List<String> cues) {
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

    void markCueBefore(int i, List<String> cues) {
        int s = cueBefore(i, cues);
        if (s >= 0) mark(s, i);
    }
}
