package com.shopassist.ai.order;

import com.shopassist.ai.dialog.DialogTurn;
import com.shopassist.ai.dialog.Intent;
import com.shopassist.ai.dialog.IntentHandler;
import com.shopassist.ai.dialog.ParsedMessage;
import com.shopassist.ai.dialog.Replies;
import com.shopassist.ai.lang.Lang;
import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.core.order.Order;
import com.shopassist.core.order.OrderLine;
import java.util.List;
import java.util.Set;

/** The offline assistant's order intents: the recent orders, and where one of them is. */
public final class OrderDialog implements IntentHandler {

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.ORDERS, Intent.ORDER_STATUS);
    }

    @Override
    public void handle(DialogTurn turn, ParsedMessage m) {
        if (m.intent() == Intent.ORDERS) list(turn);
        else status(turn, m);
    }

    private void list(DialogTurn turn) {
        ToolResult r = turn.call(GetOrdersTool.NAME, Args.none());
        if (!r.ok()) {
            if (Replies.signInNeeded(turn, r)) return;
            Replies.unavailable(turn, r);
            return;
        }
        List<Order> list = r.dataList(Order.class);
        if (list.isEmpty()) {
            turn.say(turn.t("You have no orders yet.", "Belum ada pesanan."));
            return;
        }
        turn.say(turn.t("Your recent orders:", "Pesanan terakhirmu:"));
        for (Order o : list.subList(0, Math.min(5, list.size()))) {
            turn.say("• " + o.orderNumber() + " — " + status(o, turn.lang()) + ", "
                    + o.total().format());
        }
        String n = list.get(0).orderNumber();
        turn.chips(turn.t("Status of " + n, "Status " + n));
    }

    private void status(DialogTurn turn, ParsedMessage m) {
        ToolResult r =
                turn.call(GetOrderDetailsTool.NAME, Args.of("order", m.orderRef() == null ? "latest" : m.orderRef()));
        if (!r.ok()) {
            if (Replies.signInNeeded(turn, r)) return;
            if ("NOT_FOUND".equals(r.errorCode())) {
                turn.say(
                        m.orderRef() == null
                                ? turn.t("You have no orders yet.", "Belum ada pesanan.")
                                : turn.t(
                                        "I couldn't find order " + m.orderRef() + " on your account.",
                                        "Pesanan " + m.orderRef() + " tidak ditemukan di akunmu."));
                return;
            }
            Replies.unavailable(turn, r);
            return;
        }
        Order o = r.dataList(Order.class).get(0);
        turn.say(turn.t(
                "Order " + o.orderNumber() + " is " + status(o, turn.lang()) + ", total "
                        + o.total().format() + ".",
                "Pesanan " + o.orderNumber() + " " + status(o, turn.lang()) + ", total "
                        + o.total().format() + "."));
        for (OrderLine l : o.lines()) turn.say("• " + l.quantity() + " × " + l.productName());
    }

    private static String status(Order o, Lang lang) {
        return switch (o.status()) {
            case PENDING -> lang.pick("waiting for payment", "menunggu pembayaran");
            case PAID -> lang.pick("paid and being packed", "sudah dibayar dan sedang dikemas");
            case SHIPPED -> lang.pick("on its way", "sedang dikirim");
            case DELIVERED -> lang.pick("delivered", "sudah diterima");
            case CANCELLED -> lang.pick("cancelled", "dibatalkan");
        };
    }
}
