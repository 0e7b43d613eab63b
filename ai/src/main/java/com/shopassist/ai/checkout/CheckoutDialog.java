package com.shopassist.ai.checkout;

import static com.shopassist.ai.dialog.Replies.blank;

import com.shopassist.ai.dialog.ConversationState.Awaiting;
import com.shopassist.ai.dialog.DialogTurn;
import com.shopassist.ai.dialog.Intent;
import com.shopassist.ai.dialog.IntentHandler;
import com.shopassist.ai.dialog.ParsedMessage;
import com.shopassist.ai.dialog.Replies;
import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.core.cart.Cart;
import com.shopassist.core.chat.ProposedAction;
import com.shopassist.core.customer.Address;
import com.shopassist.core.order.Order;
import com.shopassist.core.stock.InsufficientStockException;
import java.util.Set;

/**
 * The offline assistant's checkout: proposed with the address named (or the only one), "which
 * address?" when there are several, and the placed order once the shopper says yes.
 */
public final class CheckoutDialog implements IntentHandler {

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.CHECKOUT);
    }

    @Override
    public void handle(DialogTurn turn, ParsedMessage m) {
        checkout(turn, m.addressLabel());
    }

    @Override
    public boolean answer(DialogTurn turn, Awaiting question, ParsedMessage m, String raw) {
        if (question != Awaiting.ADDRESS) return false;
        if (m.intent() == Intent.DENY) {
            turn.say(turn.t("Okay, no checkout for now.", "Oke, tidak jadi checkout."));
            return true;
        }
        String label = m.addressLabel() != null ? m.addressLabel() : raw == null ? "" : raw.trim();
        if (m.intent() == Intent.CHECKOUT || m.intent() == Intent.ADDRESSES || m.isShortAnswer()) {
            checkout(turn, label);
            return true;
        }
        return false;
    }

    private void checkout(DialogTurn turn, String label) {
        ToolResult r = turn.call(CheckoutTool.NAME, Args.of("address_label", blank(label) ? null : label));
        if (!r.ok()) {
            if (Replies.signInNeeded(turn, r)) return;
            switch (r.errorCode() == null ? "" : r.errorCode()) {
                case "EMPTY_CART" ->
                    turn.say(turn.t(
                            "Your cart is empty: add something first.",
                            "Keranjang kamu kosong: tambahkan barang dulu."));
                case "ADDRESS_REQUIRED", "ADDRESS_NOT_FOUND" -> {
                    turn.say(
                            "ADDRESS_NOT_FOUND".equals(r.errorCode())
                                    ? turn.t(
                                            "I couldn't find an address called \"" + label + "\". Which address?",
                                            "Alamat \"" + label + "\" tidak ditemukan. Kirim ke alamat mana?")
                                    : turn.t("Which address should we ship to?", "Mau dikirim ke alamat mana?"));
                    for (Address a : r.dataList(Address.class)) {
                        turn.say("• " + a.label() + ": " + a.oneLine());
                        turn.chips(a.label());
                    }
                    turn.state().await(Awaiting.ADDRESS);
                }
                case "NO_ADDRESS" ->
                    turn.say(turn.t(
                            "You have no saved address yet: please add one in your account first.",
                            "Belum ada alamat tersimpan: tambahkan alamat di akunmu dulu."));
                default -> Replies.unavailable(turn, r);
            }
            return;
        }
        propose(turn, r);
    }

    private static void propose(DialogTurn turn, ToolResult r) {
        ProposedAction a = r.proposal();
        Cart c = r.cart();
        String to = a.params().get("address_label");
        turn.propose(
                a,
                turn.t(
                        "Checkout " + c.itemCount() + " items, " + c.total().format() + ", to " + to + "? yes / no",
                        "Checkout " + c.itemCount() + " barang, " + c.total().format() + ", kirim ke " + to
                                + "? ya / tidak"));
    }

    @Override
    public Set<ProposedAction.Kind> proposes() {
        return Set.of(ProposedAction.Kind.CHECKOUT);
    }

    @Override
    public boolean settled(DialogTurn turn, ProposedAction a, ToolResult r) {
        if (!r.ok()) {
            if ("CART_CHANGED".equals(r.errorCode()) && r.proposal() != null) {
                turn.say(turn.t("Your cart changed in the meantime.", "Keranjangmu berubah sementara itu."));
                propose(turn, r);
                return true;
            }
            if (r.data() instanceof InsufficientStockException e) {
                turn.say(turn.t(
                        "Sorry, " + e.getMessage() + ". Nothing was ordered; please adjust your cart.",
                        "Maaf, stok " + e.productName() + " tidak cukup (tersisa " + e.available()
                                + "). Belum ada pesanan; silakan ubah keranjangmu."));
                return true;
            }
            return false;
        }
        Order o = r.dataList(Order.class).get(0);
        String to = a.params().get("address_label");
        turn.say(turn.t(
                "Done! Order " + o.orderNumber() + " is placed: " + o.total().format() + ", shipping to " + to
                        + ". Thank you!",
                "Beres! Pesanan " + o.orderNumber() + " sudah dibuat: "
                        + o.total().format() + ", dikirim ke " + to + ". Terima kasih!"));
        turn.chips(turn.t("Order status", "Status pesanan"));
        return true;
    }
}
