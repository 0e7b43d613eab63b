package com.shopassist.app.ui.staff;

import com.shopassist.app.ui.UiContext;
import com.shopassist.app.ui.common.Feedback;
import com.shopassist.core.chat.DaySpend;
import com.shopassist.core.clerk.ClerkCall;
import com.shopassist.core.clerk.ClerkCallService;
import com.shopassist.core.common.ShopException;
import com.shopassist.core.replica.StoreStatus;
import com.shopassist.core.report.ReportService;
import com.shopassist.core.report.StoreToday;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff panel: this kiosk's health (store database, Gemini, replica), and the store's day so
 * far (answers by layer, turn latency, AI spend against the budget, open clerk calls), read again
 * every {@link #REFRESH_SECONDS} seconds while the panel is shown, off the FX thread. Only for a
 * signed-in clerk: without one it reads nothing and holds nothing.
 */
public final class StaffViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(StaffViewModel.class);

    /** How often the shown panel reads the figures again. */
    public static final int REFRESH_SECONDS = 5;

    /** One part of this kiosk, as a manager reads it: green, amber, red, or not there. */
    public enum Health {
        GOOD,
        WARNING,
        DOWN,
        /** Not set up on this kiosk (no Gemini key, no replica). */
        OFF
    }

    /** Whether the store's figures of the day could be read. */
    public enum Figures {
        NONE,
        READY,
        /** This kiosk's database role may not read every kiosk's turns (decision 0108). */
        REFUSED,
        /** The store database did not answer. */
        UNAVAILABLE
    }

    private final UiContext ui;
    private final ObservableBooleanValue assistantOffline;
    private final ReadOnlyObjectWrapper<Health> database = new ReadOnlyObjectWrapper<>(Health.GOOD);
    private final ReadOnlyObjectWrapper<Health> gemini = new ReadOnlyObjectWrapper<>(Health.OFF);
    private final ReadOnlyObjectWrapper<Health> replica = new ReadOnlyObjectWrapper<>(Health.OFF);
    private final ReadOnlyObjectWrapper<Instant> replicaAsOf = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Figures> figures = new ReadOnlyObjectWrapper<>(Figures.NONE);
    private final ReadOnlyObjectWrapper<StoreToday> today = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<DaySpend> budget = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ClerkCall> calls = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper callsKnown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Instant> updatedAt = new ReadOnlyObjectWrapper<>();
    private boolean reading;
    /** Counts the clerks signed in here: figures read for one are never shown after they left. */
    private int shift;

    /**
     * @param assistantOffline true while the shopper's answers come from the offline assistant
     *     (the window's "offline" badge)
     */
    public StaffViewModel(UiContext ui, ObservableBooleanValue assistantOffline) {
        this.ui = ui;
        this.assistantOffline = assistantOffline;
        ui.session().clerkProperty().addListener((o, a, b) -> forget());
    }

    /** True when the panel may be shown: a clerk signed in at this window. */
    public boolean allowed() {
        return ui.session().isClerkMode();
    }

    /**
     * Reads the panel again: the kiosk's health at once (it is known here), the store's figures
     * in the background. A read still under way is not started twice.
     */
    public void refresh() {
        if (!allowed()) {
            forget();
            return;
        }
        health();
        if (reading) return;
        reading = true;
        int mine = shift;
        // a role refused once is refused again: not asked (and not logged) every few seconds
        boolean askReport = figures.get() != Figures.REFUSED;
        try {
            ui.tasks().quietly(() -> read(askReport), snapshot -> {
                reading = false;
                if (mine == shift && allowed()) show(snapshot);
            });
        } catch (RejectedExecutionException e) {
            reading = false; // every worker busy: the next tick tries again
        }
    }

    private void health() {
        StoreStatus store = ui.services().store();
        boolean local = store.source() == StoreStatus.Source.LOCAL;
        database.set(!local && ui.db().isUp() ? Health.GOOD : Health.DOWN);
        if (!ui.services().onlineAssistant()) gemini.set(Health.OFF);
        else gemini.set(assistantOffline.get() ? Health.WARNING : Health.GOOD);
        Instant asOf = store.replicaAsOf().orElse(null);
        replicaAsOf.set(asOf);
        if (local) replica.set(Health.WARNING);
        else replica.set(asOf == null ? Health.OFF : Health.GOOD);
    }

    /** What one refresh read; each part on its own, so one that fails leaves the others shown. */
    record Snapshot(Figures figures, StoreToday today, DaySpend budget, List<ClerkCall> calls, Instant at) {}

    /** On a background thread; never throws. */
    private Snapshot read(boolean askReport) {
        Figures f;
        StoreToday t = null;
        try {
            ReportService reports = ui.services().reports();
            if (!askReport) {
                f = Figures.REFUSED;
            } else if (reports == null) {
                f = Figures.UNAVAILABLE;
            } else {
                t = reports.today();
                f = Figures.READY;
            }
        } catch (RuntimeException e) {
            f = refused(e) ? Figures.REFUSED : Figures.UNAVAILABLE;
            if (f == Figures.UNAVAILABLE && !Feedback.unreachable(e)) {
                LOG.warn("the staff panel could not read today's figures: {}", e.toString());
            }
        }
        DaySpend day = null;
        try {
            day = ui.services().budget().today().orElse(null);
        } catch (RuntimeException e) {
            LOG.debug("the staff panel could not read the AI budget: {}", e.toString());
        }
        List<ClerkCall> open = null;
        try {
            ClerkCallService service = ui.services().clerkCalls();
            if (service != null) open = service.open();
        } catch (RuntimeException e) {
            LOG.debug("the staff panel could not read the open clerk calls: {}", e.toString());
        }
        return new Snapshot(f, t, day, open, Instant.now());
    }

    private void show(Snapshot s) {
        figures.set(s.figures());
        today.set(s.today());
        budget.set(s.budget());
        callsKnown.set(s.calls() != null);
        calls.setAll(s.calls() == null ? List.of() : s.calls());
        updatedAt.set(s.at());
    }

    /** Refused by the database's privileges (SQLSTATE 42501): a kiosk role reading every kiosk's turns. */
    static boolean refused(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ShopException s && "NOT_ALLOWED".equals(s.code())) return true;
            if (t instanceof SQLException sql && "42501".equals(sql.getSQLState())) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    /** The clerk left (or another signed in): nothing read for the last one stays. */
    private void forget() {
        shift++;
        reading = false;
        figures.set(Figures.NONE);
        today.set(null);
        budget.set(null);
        calls.clear();
        callsKnown.set(false);
        updatedAt.set(null);
    }

    public ReadOnlyObjectProperty<Health> databaseProperty() {
        return database.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Health> geminiProperty() {
        return gemini.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Health> replicaProperty() {
        return replica.getReadOnlyProperty();
    }

    /** When the replica was last copied from the store database; null on a kiosk without one. */
    public ReadOnlyObjectProperty<Instant> replicaAsOfProperty() {
        return replicaAsOf.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Figures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    /** The store's day so far; null until read, or when it cannot be. */
    public ReadOnlyObjectProperty<StoreToday> todayProperty() {
        return today.getReadOnlyProperty();
    }

    /** Today's spend against the store's cap; null where no ledger keeps one. */
    public ReadOnlyObjectProperty<DaySpend> budgetProperty() {
        return budget.getReadOnlyProperty();
    }

    /** The store's open clerk calls, oldest first. */
    public ObservableList<ClerkCall> calls() {
        return calls;
    }

    /** False when the open calls could not be read (then the count is not shown as zero). */
    public ReadOnlyBooleanProperty callsKnownProperty() {
        return callsKnown.getReadOnlyProperty();
    }

    /**
     * When the figures shown were read; null before the first read and after the clerk left. Set
     * after every other figure of a read, so a view that draws when it changes draws once, whole.
     */
    public ReadOnlyObjectProperty<Instant> updatedAtProperty() {
        return updatedAt.getReadOnlyProperty();
    }
}
