package com.shopassist.core.report;

import com.shopassist.core.chat.DaySpend;
import java.util.Optional;

/**
 * The store's AI spend today against its daily cap, as this kiosk reads it: the composition root
 * binds it to the store's spend ledger ({@link com.shopassist.core.chat.AiSpendService}) and this
 * kiosk's id. {@link #NONE} where no ledger is kept (a tool, a test).
 */
public interface SpendBudget {

    /** Today's spend and cap; empty when no ledger keeps them. */
    Optional<DaySpend> today();

    /** No ledger: no cap to show. */
    SpendBudget NONE = Optional::empty;
}
