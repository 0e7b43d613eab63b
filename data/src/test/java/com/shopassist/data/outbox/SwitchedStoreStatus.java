package com.shopassist.data.outbox;

import com.shopassist.core.replica.StoreStatus;
import com.shopassist.data.db.DbSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A {@link StoreStatus} for tests: the source a test sets, or what a probe of the store's server
 * finds (a fresh connection with a one-second timeout, so a stopped server answers at once).
 */
public final class SwitchedStoreStatus implements StoreStatus {

    private volatile Source source = Source.SHARED;
    private final List<Consumer<Source>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public Source source() {
        return source;
    }

    @Override
    public Optional<Instant> replicaAsOf() {
        return Optional.empty();
    }

    @Override
    public void addListener(Consumer<Source> listener) {
        listeners.add(listener);
    }

    public void set(Source now) {
        Source before = source;
        source = now;
        if (before != now) listeners.forEach(l -> l.accept(now));
    }

    /** SHARED when the store's server answers now, else LOCAL. */
    public Source probe(DbSettings store) {
        Properties p = new Properties();
        p.setProperty("user", store.user());
        if (store.password() != null) p.setProperty("password", store.password());
        p.setProperty("connectTimeout", "1");
        p.setProperty("socketTimeout", "2");
        try (Connection c = DriverManager.getConnection(store.jdbcUrl(), p)) {
            set(c.isValid(1) ? Source.SHARED : Source.LOCAL);
        } catch (SQLException e) {
            set(Source.LOCAL);
        }
        return source;
    }
}
