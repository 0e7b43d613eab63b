package com.shopassist.core.cart;

import com.shopassist.core.stock.Hold;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: carts and their lines. Locks follow the store's order: the cart row first, then product
 * rows by id, then hold rows.
 *
 * <p>A change of a cart's lines, and of the stock they hold, is the cart's own business (decision
 * 0051): the store may acknowledge it before it is safe on disk, so a crash of the database
 * server can lose the last moment's line changes, each whole (line, hold and reserved count
 * together, so stock stays exact), never half and never an order. Such a change begins with
 * {@link #lockOrCreateForLineChange} or {@link #lockForLineChange}; every other change (a voucher,
 * a merge at sign-in, a checkout) locks with {@link #lockOrCreate} or {@link #lock} and is
 * durable when it commits. A store that cannot tell the two apart makes both durable.
 */
public interface CartRepository {

    /** Finds or creates the owner's cart and locks its row until the transaction ends. */
    CartRecord lockOrCreate(CartOwner owner, Instant now);

    /** Locks the owner's cart if it exists. */
    Optional<CartRecord> lock(CartOwner owner);

    /** {@link #lockOrCreate}, first in a transaction that changes the cart's lines or their holds. */
    CartRecord lockOrCreateForLineChange(CartOwner owner, Instant now);

    /** {@link #lock}, first in a transaction that changes the cart's lines or their holds. */
    Optional<CartRecord> lockForLineChange(CartOwner owner);

    /**
     * The usual add, a product the owner's cart does not have yet, whole and on its own (decision
     * 0018): the cart (created if need be, its row locked first), the line, the guarded
     * reservation of {@code quantity} units, the hold until {@code holdExpiresAt} and its HOLD
     * movement, committed together as a line change, so the hot product row is never locked
     * across the network. The hold names {@code kioskId} (may be null), the kiosk that took it.
     *
     * <p>Empty when it did not happen: the cart has the product already, free stock is short, the
     * product is unknown or inactive, a concurrent change of the same cart got in first, or a
     * transaction is open on this thread (this commits, so it never joins one). Then at most the
     * cart row was written, and the caller takes its ordinary path. A store that cannot do this in
     * one go always answers empty.
     */
    default Optional<Hold> addFirstLine(
            CartOwner owner, long productId, int quantity, Instant now, Instant holdExpiresAt, String kioskId) {
        return Optional.empty();
    }

    /**
     * Adds {@code quantity} more of a product to the line the owner's cart has of it, whole and on
     * its own (decision 0113): the cart row locked first, the line and its hold grown and renewed
     * until {@code holdExpiresAt} (the hold becomes {@code kioskId}'s), the guarded reservation of
     * the units and its HOLD movement, committed together as a line change.
     *
     * <p>Empty when it did not happen, and then nothing but the cart row's last change was
     * written: the cart has no such line, its hold expired or differs from the line, the line would
     * pass 999, free stock is short, the product is inactive, or a transaction is open on this
     * thread. The caller takes its ordinary path. A store that cannot do this in one go always
     * answers empty.
     */
    default Optional<Hold> addToHeldLine(
            CartOwner owner, long productId, int quantity, Instant now, Instant holdExpiresAt, String kioskId) {
        return Optional.empty();
    }

    /**
     * {@link #addToHeldLine}, setting the line to {@code quantity} (1-999) instead: the reserved
     * count moves by the difference (a HOLD movement when it grows, a RELEASE when it shrinks).
     */
    default Optional<Hold> setHeldLine(
            CartOwner owner, long productId, int quantity, Instant now, Instant holdExpiresAt, String kioskId) {
        return Optional.empty();
    }

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

    /**
     * Keeps a notice with the cart (decision 0096). A notice about a product replaces the cart's
     * earlier notice of the same kind about it.
     */
    void addNotice(long cartId, CartNotice notice);

    /** The cart's notices, oldest first, product names as they are now. */
    List<CartNotice> notices(long cartId);

    /** Forgets the cart's notices about the product. */
    void deleteNotices(long cartId, long productId);

    /** Forgets every notice of the cart. */
    void deleteNotices(long cartId);
}
