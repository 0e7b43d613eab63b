package com.shopassist.core.upkeep;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Port: one store-wide lock that a kiosk takes without waiting. While one holds it, the others
 * skip the work instead of queueing behind it; it is given back when the work ends or the holder
 * disappears (a crashed kiosk never keeps it).
 */
public interface UpkeepLock {

    /** Runs {@code work} if the lock could be taken at once; empty when someone else holds it. */
    <T> Optional<T> tryExclusively(Supplier<T> work);
}
