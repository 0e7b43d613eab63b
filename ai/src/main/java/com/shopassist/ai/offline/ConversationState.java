package com.shopassist.ai.offline;

import com.shopassist.ai.lang.Lang;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.chat.ProposedAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the offline assistant remembers of one chat session between turns: the products it last
 * showed (for "the second one"), the product in focus (for "it"), the last search (for "yang
 * murah"), a proposal waiting for yes/no, and a question it asked ("which address?").
 */
final class ConversationState {

    enum Awaiting {
        NOTHING,
        ADDRESS,
        VOUCHER_CODE
    }

    List<Product> lastProducts = new ArrayList<>();
    Product focus;
    ParsedMessage lastSearch;
    ProposedAction pending;
    Awaiting awaiting = Awaiting.NOTHING;
    Lang lang;
    boolean lastShownCart;

    void showProducts(List<Product> products) {
        lastProducts = new ArrayList<>(products);
        focus = products.size() == 1 ? products.get(0) : null;
        lastShownCart = false;
    }

    /** A bounded, least-recently-used map of sessions: a kiosk fleet never grows it without limit. */
    static final class Store {
        private final Map<UUID, ConversationState> map;

        Store(int max) {
            this.map = new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, ConversationState> eldest) {
                    return size() > max;
                }
            };
        }

        synchronized ConversationState get(UUID id) {
            return map.computeIfAbsent(id == null ? new UUID(0, 0) : id, k -> new ConversationState());
        }

        synchronized void forget(UUID id) {
            if (id != null) map.remove(id);
        }

        synchronized int size() {
            return map.size();
        }
    }
}
