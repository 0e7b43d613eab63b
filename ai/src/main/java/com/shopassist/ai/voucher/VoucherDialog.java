package com.shopassist.ai.voucher;

import com.shopassist.ai.dialog.ConversationState.Awaiting;
import com.shopassist.ai.dialog.DialogTurn;
import com.shopassist.ai.dialog.Intent;
import com.shopassist.ai.dialog.IntentHandler;
import com.shopassist.ai.dialog.ParsedMessage;
import com.shopassist.ai.dialog.Replies;
import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.core.chat.ProposedAction;
import com.shopassist.core.money.Money;
import com.shopassist.core.voucher.VoucherService.VoucherOption;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The offline assistant's voucher intents: list, apply (proposed, or "which code?"), remove. */
public final class VoucherDialog implements IntentHandler {

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.VOUCHERS, Intent.APPLY_VOUCHER, Intent.REMOVE_VOUCHER);
    }

    @Override
    public void handle(DialogTurn turn, ParsedMessage m) {
        switch (m.intent()) {
            case VOUCHERS -> list(turn);
            case APPLY_VOUCHER -> {
                if (m.voucherCode() == null) {
                    list(turn);
                    turn.say(turn.t("Which code would you like to use?", "Kode mana yang mau dipakai?"));
                    turn.state().await(Awaiting.VOUCHER_CODE);
                } else {
                    apply(turn, m.voucherCode());
                }
            }
            case REMOVE_VOUCHER -> remove(turn);
            default -> throw new IllegalArgumentException(m.intent().name());
        }
    }

    @Override
    public boolean answer(DialogTurn turn, Awaiting question, ParsedMessage m, String raw) {
        if (question != Awaiting.VOUCHER_CODE) return false;
        if (m.isShortAnswer() && raw != null && raw.trim().matches("[A-Za-z0-9_]{3,24}")) {
            apply(turn, raw.trim().toUpperCase(Locale.ROOT));
            return true;
        }
        return false;
    }

    @Override
    public Set<ProposedAction.Kind> proposes() {
        return Set.of(ProposedAction.Kind.APPLY_VOUCHER);
    }

    @Override
    public boolean settled(DialogTurn turn, ProposedAction a, ToolResult r) {
        if (!r.ok()) {
            if (r.errorCode() == null || !r.errorCode().startsWith("VOUCHER_")) return false;
            turn.say(turn.t(
                    "The voucher could not be applied: " + r.forModel(),
                    "Voucher tidak bisa dipakai: " + r.forModel()));
            return true;
        }
        String code = a.params().get("code");
        turn.say(turn.t("Voucher " + code + " applied.", "Voucher " + code + " sudah dipakai."));
        if (turn.cart() != null) turn.say(Replies.cartSummary(turn.cart(), turn.lang()));
        turn.chips(turn.t("Checkout", "Checkout"));
        return true;
    }

    private void list(DialogTurn turn) {
        ToolResult r = turn.call(GetVouchersTool.NAME, Args.none());
        if (!r.ok()) {
            Replies.unavailable(turn, r);
            return;
        }
        List<VoucherOption> options = r.dataList(VoucherOption.class);
        if (options.isEmpty()) {
            turn.say(turn.t("There are no vouchers right now.", "Belum ada voucher saat ini."));
            return;
        }
        turn.say(turn.t("Vouchers you can use:", "Voucher yang tersedia:"));
        for (VoucherOption o : options) {
            String s = "• " + o.voucher().code() + " — " + o.voucher().description();
            if (o.applies() && o.discount() != null) {
                s += turn.t(
                        " (saves " + o.discount().format() + " on your cart)",
                        " (hemat " + o.discount().format() + " untuk keranjangmu)");
            } else if (o.voucher().minPurchase() != null
                    && !o.voucher().minPurchase().isZero()) {
                s += " (min. " + o.voucher().minPurchase().format() + ")";
            }
            turn.say(s);
        }
        options.stream()
                .filter(VoucherOption::applies)
                .limit(2)
                .forEach(o -> turn.chips(turn.t(
                        "Use " + o.voucher().code(), "Pakai " + o.voucher().code())));
    }

    private void apply(DialogTurn turn, String code) {
        ToolResult r = turn.call(ApplyVoucherTool.NAME, Args.of("code", code));
        if (!r.ok()) {
            String text = refusal(turn, r, code);
            if (text == null) {
                Replies.unavailable(turn, r);
                return;
            }
            turn.say(text);
            turn.chips(turn.t("Show vouchers", "Lihat voucher"));
            return;
        }
        String discount = Money.of(Long.parseLong(r.proposal().params().getOrDefault("discount", "0")))
                .format();
        turn.propose(
                r.proposal(),
                turn.t(
                        "Apply voucher " + code + " (saves " + discount + ")? yes / no",
                        "Pakai voucher " + code + " (hemat " + discount + ")? ya / tidak"));
    }

    /** Why the store refused a code, in the shopper's words; null when it is not a voucher refusal. */
    private static String refusal(DialogTurn turn, ToolResult r, String code) {
        return switch (r.errorCode() == null ? "" : r.errorCode()) {
            case "VOUCHER_UNKNOWN_CODE" ->
                turn.t("There is no voucher " + code + ".", "Voucher " + code + " tidak ada.");
            case "VOUCHER_EXPIRED" ->
                turn.t("Voucher " + code + " has expired.", "Voucher " + code + " sudah kedaluwarsa.");
            case "VOUCHER_NOT_YET_VALID" ->
                turn.t("Voucher " + code + " is not valid yet.", "Voucher " + code + " belum berlaku.");
            case "VOUCHER_USAGE_LIMIT_REACHED" ->
                turn.t("Voucher " + code + " has been used up.", "Kuota voucher " + code + " sudah habis.");
            case "VOUCHER_INACTIVE" ->
                turn.t("Voucher " + code + " is not active.", "Voucher " + code + " tidak aktif.");
            case "VOUCHER_EMPTY_CART" ->
                turn.t(
                        "Add something to your cart first, then apply " + code + ".",
                        "Tambahkan barang ke keranjang dulu, lalu pakai " + code + ".");
            case "VOUCHER_BELOW_MINIMUM_PURCHASE" ->
                turn.t(
                        "Your cart is below the minimum purchase for " + code + minimum(r) + ".",
                        "Belanjaanmu belum mencapai minimum untuk " + code + minimum(r) + ".");
            case "ALREADY_APPLIED" -> turn.t(code + " is already applied.", code + " sudah terpasang.");
            default -> null;
        };
    }

    private static String minimum(ToolResult r) {
        if (r.data() instanceof VoucherOption o && o.voucher().minPurchase() != null) {
            return " (" + o.voucher().minPurchase().format() + ")";
        }
        return "";
    }

    private void remove(DialogTurn turn) {
        ToolResult r = turn.call(RemoveVoucherTool.NAME, Args.none());
        if (!r.ok()) {
            if ("NO_VOUCHER".equals(r.errorCode())) {
                turn.say(turn.t("No voucher is applied.", "Tidak ada voucher yang terpasang."));
                return;
            }
            Replies.unavailable(turn, r);
            return;
        }
        turn.say(turn.t("Voucher removed.", "Voucher sudah dilepas."));
        if (turn.cart() != null) turn.say(Replies.cartSummary(turn.cart(), turn.lang()));
    }
}
