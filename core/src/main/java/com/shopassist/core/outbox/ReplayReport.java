package com.shopassist.core.outbox;

import com.shopassist.core.cart.CartOwner;
import java.util.Set;

/**
 * What one replay of the outbox did.
 *
 * @param applied changes done as made
 * @param adjusted changes done with what the store allowed (the carts' notices say what)
 * @param rejected changes the store refused for good
 * @param ordersPlaced queued checkouts that became orders
 * @param waiting changes still waiting afterwards
 * @param owners whose carts the replay changed (their shoppers' views should be read again)
 * @param stoppedBecause why it stopped with changes still waiting (the store's database cannot be
 *     reached, a change failed), or null
 */
public record ReplayReport(
        int applied,
        int adjusted,
        int rejected,
        int ordersPlaced,
        int waiting,
        Set<CartOwner> owners,
        String stoppedBecause) {

    public ReplayReport {
        owners = Set.copyOf(owners);
    }

    public int replayed() {
        return applied + adjusted + rejected + ordersPlaced;
    }
}
