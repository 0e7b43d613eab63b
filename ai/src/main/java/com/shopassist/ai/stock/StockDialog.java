package com.shopassist.ai.stock;

import static com.shopassist.ai.dialog.Replies.blank;

import com.shopassist.ai.catalog.ProductResolver;
import com.shopassist.ai.dialog.DialogTurn;
import com.shopassist.ai.dialog.Intent;
import com.shopassist.ai.dialog.IntentHandler;
import com.shopassist.ai.dialog.ParsedMessage;
import com.shopassist.ai.dialog.Replies;
import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.stock.StockLevel;
import java.util.List;
import java.util.Set;

/** The offline assistant's stock question: of the product pointed at, or by name. */
public final class StockDialog implements IntentHandler {

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.STOCK);
    }

    @Override
    public void handle(DialogTurn turn, ParsedMessage m) {
        if (!turn.named().isEmpty() || m.ref() != null || (blank(m.name()) && m.brand() == null)) {
            Product p = ProductResolver.resolve(turn, m);
            if (p != null) ofProduct(turn, p);
            return;
        }
        String name = ProductResolver.lookupText(m);
        ToolResult r = turn.call(CheckStockByNameTool.NAME, Args.of("name", name));
        if (!r.ok()) {
            Replies.unavailable(turn, r);
            return;
        }
        List<StockLevel> levels = r.dataList(StockLevel.class);
        if (levels.isEmpty()) {
            turn.say(turn.t(
                    "I couldn't find a product called \"" + name + "\".",
                    "Saya tidak menemukan produk bernama \"" + name + "\"."));
            return;
        }
        turn.state().showProducts(r.products());
        turn.show(r.products());
        for (StockLevel s : levels) {
            turn.say(s.productName() + ": " + Replies.stockSentence(s.available(), s.lowStockThreshold(), turn.lang()));
        }
        chips(turn, levels.get(0));
    }

    private void ofProduct(DialogTurn turn, Product p) {
        ToolResult r = turn.call(CheckStockTool.NAME, Args.of("product_id", p.id()));
        if (!r.ok()) {
            Replies.unavailable(turn, r);
            return;
        }
        StockLevel s = r.dataList(StockLevel.class).get(0);
        turn.state().focus(r.products().isEmpty() ? p : r.products().get(0));
        turn.show(r.products());
        turn.say(s.productName() + ": " + Replies.stockSentence(s.available(), s.lowStockThreshold(), turn.lang()));
        chips(turn, s);
    }

    private static void chips(DialogTurn turn, StockLevel s) {
        if (s.inStock()) turn.chips(turn.t("Add to cart", "Tambah ke keranjang"));
        else turn.chips(turn.t("Show similar", "Yang mirip"));
    }
}
