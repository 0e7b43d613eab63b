package com.shopassist.core.replica;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Which database answers this kiosk now: the store's shared database, or the kiosk's own local
 * replica of the catalog while the shared one cannot be reached. Implemented where the kiosk's
 * connections are (data/app); read by the services, the assistants and the UI.
 */
public interface StoreStatus {

    /** Where reads and writes go now. */
    enum Source {
        /** The store's shared database answers. */
        SHARED,
        /** The shared database is unreachable: reads come from the local replica, cart changes are queued. */
        LOCAL
    }

    Source source();

    /** When the local replica was last refreshed from the shared database; empty if it never was. */
    Optional<Instant> replicaAsOf();

    /** Called (on any thread) each time the source changes. */
    void addListener(Consumer<Source> listener);

    /** A kiosk without a replica (the embedded default database): always shared. */
    static StoreStatus alwaysShared() {
        return new StoreStatus() {
            @Override
            public Source source() {
                return Source.SHARED;
            }

            @Override
            public Optional<Instant> replicaAsOf() {
                return Optional.empty();
            }

            @Override
            public void addListener(Consumer<Source> listener) {}
        };
    }
}
