package com.shopassist.ai.voucher;

import com.shopassist.ai.lang.Lang;
import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ProposingTool;
import com.shopassist.ai.tool.ShopServices;
import com.shopassist.ai.tool.ShopTool;
import com.shopassist.ai.tool.ToolJson;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.ai.tool.ToolResults;
import com.shopassist.ai.tool.ToolSpec;
import com.shopassist.core.cart.Cart;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ProposedAction;
import com.shopassist.core.money.Money;
import com.shopassist.core.voucher.Voucher;
import com.shopassist.core.voucher.VoucherNotApplicableException;
import com.shopassist.core.voucher.VoucherRejection;
import com.shopassist.core.voucher.VoucherService.VoucherOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * apply_voucher: checks the code against the cart now and proposes applying it, saying what it
 * saves; the voucher goes on when the shopper says yes.
 */
public final class ApplyVoucherTool extends ShopTool implements ProposingTool {

    public static final String NAME = "apply_voucher";

    public ApplyVoucherTool() {
        super(ToolSpec.of(
                NAME,
                "Check a voucher code and propose applying it (shopper confirms).",
                ToolSpec.params().addStringProperty("code").required("code").build()));
    }

    @Override
    public ProposedAction.Kind kind() {
        return ProposedAction.Kind.APPLY_VOUCHER;
    }

    @Override
    protected ToolResult run(ShopServices s, ChatContext ctx, Args a) {
        String c = a.requiredStr("code").toUpperCase(Locale.ROOT);
        if (c.length() > 40) return ToolResults.fail(NAME, "VALIDATION", "Give a voucher code.");
        Cart cart = s.carts().cart(ctx.owner());
        if (c.equalsIgnoreCase(cart.voucherCode() == null ? "" : cart.voucherCode()) && cart.voucherProblem() == null) {
            return ToolResults.fail(NAME, "ALREADY_APPLIED", "Voucher " + c + " is already applied.", cart, null);
        }
        VoucherOption option = s.carts().voucherOptions(ctx.owner()).stream()
                .filter(o -> o.voucher().code().equalsIgnoreCase(c))
                .findFirst()
                .orElse(null);
        if (option == null) {
            VoucherRejection why = s.vouchers()
                    .byCode(c)
                    .map(v -> whyUnusable(v, s.clock().instant()))
                    .orElse(VoucherRejection.UNKNOWN_CODE);
            return ToolResults.fail(
                    NAME,
                    "VOUCHER_" + why.name(),
                    "Voucher " + c + " cannot be used: " + rejectionText(why) + ".",
                    cart,
                    why);
        }
        if (!option.applies()) {
            VoucherRejection why = option.reason() == null ? VoucherRejection.BELOW_MINIMUM_PURCHASE : option.reason();
            String more = why == VoucherRejection.BELOW_MINIMUM_PURCHASE
                            && option.voucher().minPurchase() != null
                    ? " (minimum purchase " + option.voucher().minPurchase().format() + ")"
                    : "";
            return ToolResults.fail(
                    NAME,
                    "VOUCHER_" + why.name(),
                    "Voucher " + c + " does not apply yet: " + rejectionText(why) + more + ".",
                    cart,
                    option);
        }
        Money discount = option.discount() == null ? Money.ZERO : option.discount();
        String summary = Lang.of(ctx.uiLocale())
                .pick(
                        "Apply voucher " + c + " (saves " + discount.format() + ")?",
                        "Pakai voucher " + c + " (hemat " + discount.format() + ")?");
        ProposedAction p = s.proposals()
                .propose(ctx, kind(), summary, Map.of("code", c, "discount", String.valueOf(discount.toLong())));
        return ToolResults.ok(NAME, ToolJson.write(ToolJson.proposal(p)), List.of(), cart, p, option);
    }

    @Override
    public ToolResult carryOut(ShopServices s, ChatContext ctx, ProposedAction confirmed) {
        return ToolResults.guard(NAME, () -> {
            try {
                Cart c = s.carts().applyVoucher(ctx.owner(), confirmed.params().get("code"));
                return ToolResults.ok(NAME, ToolJson.write(ToolJson.cart(c)), List.of(), c, null, null);
            } catch (VoucherNotApplicableException e) {
                return ToolResults.fail(
                        NAME, e.code(), e.getMessage(), s.carts().cart(ctx.owner()), e.reason());
            }
        });
    }

    private static VoucherRejection whyUnusable(Voucher v, Instant now) {
        if (!v.active()) return VoucherRejection.INACTIVE;
        if (v.validFrom() != null && now.isBefore(v.validFrom())) return VoucherRejection.NOT_YET_VALID;
        if (v.validUntil() != null && !now.isBefore(v.validUntil())) return VoucherRejection.EXPIRED;
        if (v.usageLimit() != null && v.usedCount() >= v.usageLimit()) return VoucherRejection.USAGE_LIMIT_REACHED;
        return VoucherRejection.UNKNOWN_CODE;
    }

    static String rejectionText(VoucherRejection r) {
        return switch (r) {
            case UNKNOWN_CODE -> "there is no voucher with that code";
            case INACTIVE -> "it is switched off";
            case NOT_YET_VALID -> "it is not valid yet";
            case EXPIRED -> "it has expired";
            case USAGE_LIMIT_REACHED -> "it has been used up";
            case BELOW_MINIMUM_PURCHASE -> "the cart is below its minimum purchase";
            case EMPTY_CART -> "the cart is empty";
        };
    }
}
