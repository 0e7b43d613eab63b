package com.shopassist.core.cart;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: tbl_cart and tbl_cart_item. */
public interface CartRepository {

    /** Finds or creates the owner's cart and locks its row until the transaction ends. */
    CartRecord lockOrCreate(CartOwner owner, Instant now);

    /** Locks the owner's cart if it exists. */
    Optional<CartRecord> lock(CartOwner owner);

    Optional<CartRecord> find(CartOwner owner);

    /** Line quantities by product id (no product data). */
    java.util.Map<Long, Integer> quantities(long cartId);

    /** Lines with product data, available counted with the holds live at {@code now}; oldest first. */
    List<CartItemDetail> details(long cartId, Instant now);

    void upsertItem(long cartId, long productId, int quantity, Instant now);

    void deleteItem(long cartId, long productId);

    void deleteItems(long cartId);

    void setVoucher(long cartId, Long voucherId, Instant now);

    void delete(long cartId);
}
