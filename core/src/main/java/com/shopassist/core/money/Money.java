package com.shopassist.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Objects;

/**
 * An exact amount of rupiah. Never floating point. IDR has no minor units in display, so every
 * amount is held at scale 0; {@link #percentOf(BigDecimal)} is the one place where rounding
 * happens (half up, once per line).
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

    public static final int SCALE = 0;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        Objects.requireNonNull(amount, "amount");
        if (amount.scale() != SCALE) {
            if (amount.stripTrailingZeros().scale() > SCALE) {
                throw new IllegalArgumentException("Rupiah amounts have no minor units: " + amount);
            }
            amount = amount.setScale(SCALE, ROUNDING);
        }
    }

    public static Money of(long rupiah) {
        return new Money(BigDecimal.valueOf(rupiah));
    }

    public static Money of(BigDecimal rupiah) {
        return new Money(rupiah);
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public Money times(int quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)));
    }

    /** {@code percent} of this amount (0..100), rounded half up to whole rupiah: the one rounding rule. */
    public Money percentOf(BigDecimal percent) {
        return new Money(amount.multiply(percent).divide(BigDecimal.valueOf(100), SCALE, ROUNDING));
    }

    /**
     * Splits this amount over parts in proportion to {@code weights}, exactly: the parts sum to
     * this amount. Each part is the floor of its exact share; the rupiah left over go one each
     * to the parts with the largest fractional remainders (ties: the larger weight, then the
     * earlier part). No part exceeds the ceiling of its exact share, so a discount no larger
     * than the subtotal never exceeds any line's subtotal.
     */
    public java.util.List<Money> allocate(java.util.List<Money> weights) {
        if (isNegative()) throw new IllegalArgumentException("cannot allocate a negative amount: " + this);
        int n = weights.size();
        BigDecimal total = BigDecimal.ZERO;
        for (Money w : weights) {
            if (w.isNegative()) throw new IllegalArgumentException("negative weight: " + w);
            total = total.add(w.amount);
        }
        java.util.List<Money> parts = new java.util.ArrayList<>(n);
        if (n == 0) {
            if (!isZero()) throw new IllegalArgumentException("cannot allocate " + this + " over no parts");
            return parts;
        }
        if (total.signum() == 0) {
            if (!isZero()) throw new IllegalArgumentException("cannot allocate " + this + " over zero weights");
            for (int i = 0; i < n; i++) parts.add(ZERO);
            return parts;
        }
        BigDecimal[] floors = new BigDecimal[n];
        BigDecimal[] remainders = new BigDecimal[n];
        BigDecimal allocated = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            BigDecimal[] qr = amount.multiply(weights.get(i).amount).divideAndRemainder(total);
            floors[i] = qr[0];
            remainders[i] = qr[1];
            allocated = allocated.add(qr[0]);
        }
        int left = amount.subtract(allocated).intValueExact();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> {
            int c = remainders[b].compareTo(remainders[a]);
            if (c != 0) return c;
            c = weights.get(b).compareTo(weights.get(a));
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int k = 0; k < left; k++) floors[order[k]] = floors[order[k]].add(BigDecimal.ONE);
        for (int i = 0; i < n; i++) parts.add(new Money(floors[i]));
        return parts;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public long toLong() {
        return amount.longValueExact();
    }

    @Override
    public int compareTo(Money o) {
        return amount.compareTo(o.amount);
    }

    /** "Rp 1.250.000": the Indonesian format shoppers read on price tags. */
    public String format() {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        DecimalFormat df = new DecimalFormat("#,##0", symbols);
        String digits = df.format(amount.abs());
        return (amount.signum() < 0 ? "-Rp " : "Rp ") + digits;
    }

    @Override
    public String toString() {
        return format();
    }
}
