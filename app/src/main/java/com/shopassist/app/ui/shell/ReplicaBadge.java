package com.shopassist.app.ui.shell;

import com.shopassist.app.ui.common.I18n;
import com.shopassist.core.replica.StoreStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The window's "Offline: prices and stock as of 14:05" badge (decision 0091): shown while this
 * kiosk answers from its local replica, with the time of the replica's last refresh (the day too
 * when it is not today). Updated on the FX thread from {@link StoreStatus}, which is only read.
 */
public final class ReplicaBadge {

    private final StoreStatus store;
    private final I18n i18n;
    private final ZoneId zone;
    private final ReadOnlyObjectWrapper<Instant> asOf = new ReadOnlyObjectWrapper<>();

    ReplicaBadge(StoreStatus store, I18n i18n, ZoneId zone) {
        this.store = store;
        this.i18n = i18n;
        this.zone = zone;
    }

    /** Reads the store status again (on the FX thread: it is two field reads, never the network). */
    void refresh() {
        asOf.set(
                store.source() == StoreStatus.Source.LOCAL ? store.replicaAsOf().orElse(Instant.EPOCH) : null);
    }

    /** When the replica answering now was refreshed; null while the store's database answers. */
    public ReadOnlyObjectProperty<Instant> asOfProperty() {
        return asOf.getReadOnlyProperty();
    }

    public BooleanBinding showing() {
        return asOf.isNotNull();
    }

    public StringBinding text() {
        return Bindings.createStringBinding(
                () -> asOf.get() == null ? "" : i18n.t("status.replica", when(asOf.get())),
                asOf,
                i18n.localeProperty());
    }

    /** "14:05" today, "2 Dec 14:05" on another day. */
    String when(Instant at) {
        var local = at.atZone(zone);
        String pattern = local.toLocalDate().equals(LocalDate.now(zone)) ? "HH:mm" : "d MMM HH:mm";
        return DateTimeFormatter.ofPattern(pattern, i18n.locale()).format(local);
    }
}
