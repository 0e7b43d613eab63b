package com.shopassist.core.gift;

import com.shopassist.core.catalog.Product;
import com.shopassist.core.money.Money;
import java.util.List;

/** Gift ideas from the catalog, the same for the assistants and the gift finder screen. */
public interface GiftService {

    /** At most this many ideas per ask. */
    int MAX_IDEAS = 6;

    /**
     * In-stock products for a recipient, at most {@link #MAX_IDEAS}, from several categories.
     *
     * @param recipient who the gift is for, as one English word ("dad", "teenager"); null or an
     *     unknown word gets ideas for anyone
     * @param budget the most it may cost, or null
     * @param interests what they like, in free words ("coffee", "hiking"), tried first; or null
     */
    List<Product> suggest(String recipient, Money budget, String interests);
}
