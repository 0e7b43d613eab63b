package com.shopassist.ai.dialog;

import com.shopassist.ai.lang.Lang;
import com.shopassist.core.catalog.Product;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the offline assistant remembers of one chat session between turns: the products it last
 * showed (for "the second one"), the product in focus (for "it"), the last search (for "yang
 * murah"), and a question it asked ("which address?"). A proposal waiting for yes/no is kept in
 * the shared proposal store, not here.
 */
public final class ConversationState {

    /** A question the assistant asked and the next message may answer. */
    public enum Awaiting {
        NOTHING,
        ADDRESS,
        VOUCHER_CODE
    }

    private List<Product> lastProducts = new ArrayList<>();
    private Product focus;
    private ParsedMessage lastSearch;
    private Awaiting awaiting = Awaiting.NOTHING;
    private Lang lang;
    private boolean lastShownCart;

    /** Products were listed: "the second one" points into them; a single one is in focus. */
    public void showProducts(List<Product> products) {
        lastProducts = new ArrayList<>(products);
        focus = products.size() == 1 ? products.get(0) : null;
        lastShownCart = false;
    }

    public List<Product> lastProducts() {
        return lastProducts;
    }

    /** The product "it" means, or null. */
    public Product focus() {
        return focus;
    }

    public void focus(Product p) {
        focus = p;
    }

    /** The last search, for refining it ("yang murah", "under 500k"), or null. */
    public ParsedMessage lastSearch() {
        return lastSearch;
    }

    public void lastSearch(ParsedMessage m) {
        lastSearch = m;
    }

    public Awaiting awaiting() {
        return awaiting;
    }

    public void await(Awaiting question) {
        awaiting = question;
    }

    /** The language of the session's last message, or null before the first. */
    public Lang lang() {
        return lang;
    }

    public void lang(Lang l) {
        lang = l;
    }

    /** True when the cart was listed last, so "the first one" means its first line. */
    public boolean lastShownCart() {
        return lastShownCart;
    }

    public void cartShown() {
        lastShownCart = true;
    }

    /** A bounded, least-recently-used map of sessions: a kiosk fleet never grows it without limit. */
    public static final class Store {
        private final Map<UUID, ConversationState> map;

        public Store(int max) {
            this.map = new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, ConversationState> eldest) {
                    return size() > max;
                }
            };
        }

        public synchronized ConversationState get(UUID id) {
            return map.computeIfAbsent(id == null ? new UUID(0, 0) : id, k -> new ConversationState());
        }

        public synchronized void forget(UUID id) {
            if (id != null) map.remove(id);
        }

        public synchronized int size() {
            return map.size();
        }
    }
}
