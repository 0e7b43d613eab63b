package com.shopassist.core.voucher;

import com.shopassist.core.money.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The voucher rules, in one place, as pure functions: whether a voucher applies to a subtotal at
 * an instant and, if so, the discount and how it splits over the lines. Percent discounts round
 * through {@link Money#percentOf}; the split is {@link Money#allocate}, exact.
 */
public final class VoucherRules {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private final ZoneId zone;

    public VoucherRules(ZoneId zone) {
        this.zone = zone;
    }

    /** Whether it applies and why not: {@code reason} and {@code message} are null when it does. */
    public record Evaluation(boolean applies, VoucherRejection reason, String message, Money discount) {
        static Evaluation no(VoucherRejection reason, String message) {
            return new Evaluation(false, reason, message, Money.ZERO);
        }
    }

    /** A priced cart or order: discount = sum of lineDiscounts; total = subtotal - discount >= 0. */
    public record Priced(
            Money subtotal, Money discount, List<Money> lineDiscounts, Money total, Evaluation voucherEvaluation) {}

    public static VoucherNotApplicableException unknownCode(String code) {
        return new VoucherNotApplicableException(
                code, VoucherRejection.UNKNOWN_CODE, "There is no voucher with the code " + code);
    }

    /** The checks in the order a shopper would want to hear them. Usage is checked, not counted. */
    public Evaluation evaluate(Voucher v, Money subtotal, boolean cartEmpty, Instant now) {
        String code = v.code();
        if (!v.active()) {
            return Evaluation.no(VoucherRejection.INACTIVE, "Voucher " + code + " is no longer active");
        }
        if (now.isBefore(v.validFrom())) {
            return Evaluation.no(
                    VoucherRejection.NOT_YET_VALID,
                    "Voucher " + code + " can be used from "
                            + DATE.format(v.validFrom().atZone(zone)));
        }
        if (!now.isBefore(v.validUntil())) {
            return Evaluation.no(
                    VoucherRejection.EXPIRED,
                    "Voucher " + code + " expired on "
                            + DATE.format(v.validUntil().atZone(zone)));
        }
        if (v.usageLimit() != null && v.usedCount() >= v.usageLimit()) {
            return Evaluation.no(VoucherRejection.USAGE_LIMIT_REACHED, "Voucher " + code + " has been used up");
        }
        if (cartEmpty || subtotal.isZero()) {
            return Evaluation.no(VoucherRejection.EMPTY_CART, "Add something to the cart before using voucher " + code);
        }
        if (subtotal.compareTo(v.minPurchase()) < 0) {
            return Evaluation.no(
                    VoucherRejection.BELOW_MINIMUM_PURCHASE,
                    "Voucher " + code + " needs a minimum purchase of "
                            + v.minPurchase().format() + " (add "
                            + v.minPurchase().minus(subtotal).format() + " more)");
        }
        return new Evaluation(true, null, null, discount(v, subtotal));
    }

    /** Percent of the subtotal (capped) or the fixed amount, never more than the subtotal. */
    public static Money discount(Voucher v, Money subtotal) {
        Money d = switch (v.type()) {
            case PERCENT -> subtotal.percentOf(v.value());
            case FIXED -> Money.of(v.value());
        };
        if (v.maxDiscount() != null) d = d.min(v.maxDiscount());
        return d.min(subtotal).max(Money.ZERO);
    }

    /** Prices lines (each unit price times quantity) with an optional voucher. */
    public Priced price(List<Money> lineSubtotals, Voucher voucher, Instant now) {
        Money subtotal = Money.ZERO;
        for (Money m : lineSubtotals) subtotal = subtotal.plus(m);
        Evaluation evaluation = null;
        Money discount = Money.ZERO;
        if (voucher != null) {
            evaluation = evaluate(voucher, subtotal, lineSubtotals.isEmpty(), now);
            if (evaluation.applies()) discount = evaluation.discount();
        }
        List<Money> lineDiscounts = lineSubtotals.isEmpty() ? new ArrayList<>() : discount.allocate(lineSubtotals);
        return new Priced(subtotal, discount, List.copyOf(lineDiscounts), subtotal.minus(discount), evaluation);
    }
}
