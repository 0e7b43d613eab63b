package com.shopassist.core.upkeep;

/**
 * The store's housekeeping: the chat retention purge (guest chats included), ended sign-in
 * sessions deleted, expired stock holds swept. Every kiosk may ask; one at a time does the work.
 */
public interface UpkeepService {

    /** Runs the upkeep once, unless another kiosk is running it right now (then it skips). */
    UpkeepReport runOnce();
}
