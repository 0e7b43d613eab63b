package com.shopassist.app.ui.clerk;

import com.shopassist.app.ui.UiContext;
import com.shopassist.core.clerk.ClerkCall;
import com.shopassist.core.clerk.ClerkCallEvent;
import com.shopassist.core.clerk.ClerkCallFeed;
import com.shopassist.core.customer.Customer;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clerk calls in this window. A shopper's side: the call, then "someone is coming" and, when a
 * clerk takes it, who. A clerk's side: the store's open calls, heard the moment any kiosk calls
 * (the feed), each with a Take button; of two clerks who press it, one gets the call. Every
 * window also closes the calls no one took in time.
 */
public final class ClerkCallsViewModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClerkCallsViewModel.class);

    private final UiContext ui;
    private final ObservableList<ClerkCall> open = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper();
    private volatile long myCall;
    private AutoCloseable listening;
    private ScheduledExecutorService expiry;

    public ClerkCallsViewModel(UiContext ui) {
        this.ui = ui;
        ui.session().clerkProperty().addListener((o, a, b) -> {
            if (b != null) refresh();
            else open.clear();
            updateShowing();
        });
    }

    /** Open calls of the store, oldest first (shown to a clerk only). */
    public ObservableList<ClerkCall> open() {
        return open;
    }

    /** True when a clerk is signed in here and some call is open. */
    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    /** Starts hearing the store's calls (the window does this once; tests may not). */
    public void start(ClerkCallFeed feed, java.time.Duration expiryCheck) {
        if (feed == null || listening != null) return;
        listening = feed.listen(e -> ui.tasks().dispatcher().run(() -> heard(e)));
        expiry = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shopassist-clerk-call-expiry");
            t.setDaemon(true);
            return t;
        });
        long s = Math.max(1, expiryCheck.toSeconds());
        expiry.scheduleWithFixedDelay(this::expireQuietly, s, s, TimeUnit.SECONDS);
    }

    /** The shopper pressed "Call a clerk". */
    public void call() {
        String kiosk = ui.services().kioskName();
        ui.tasks()
                .run(
                        () -> ui.services().clerkCalls().call(kiosk),
                        c -> {
                            myCall = c.id();
                            ui.feedback().info("clerk.called");
                        },
                        e -> {
                            // the log line (ShellViewModel) is what the store gets without its database
                            LOG.warn("the clerk call could not be recorded: {}", e.toString());
                            ui.feedback().info("clerk.called");
                        });
    }

    /** A clerk takes the call. */
    public void take(ClerkCall call) {
        Customer clerk = ui.session().clerk();
        if (clerk == null) return;
        String name = firstName(clerk);
        ui.tasks()
                .run(
                        () -> ui.services().clerkCalls().take(call.id(), clerk.id(), name),
                        won -> {
                            if (won) ui.feedback().success("clerk.took", call.kioskName());
                            else ui.feedback().info("clerk.alreadyTaken", call.kioskName());
                            refresh();
                        },
                        ui.feedback()::error);
    }

    /** An event of the feed, on the UI dispatcher. */
    void heard(ClerkCallEvent e) {
        if (e.kind() == ClerkCallEvent.Kind.TAKEN && e.callId() == myCall) {
            long id = myCall;
            myCall = 0;
            ui.tasks()
                    .quietly(
                            () -> ui.services().clerkCalls().find(id),
                            found -> found.ifPresent(c -> {
                                if (c.takenByName() != null) ui.feedback().success("clerk.coming", c.takenByName());
                            }));
        }
        if (ui.session().isClerkMode()) {
            if (e.kind() == ClerkCallEvent.Kind.CALLED) ui.feedback().warning("clerk.incoming", e.kioskName());
            refresh();
        }
    }

    /** Reads the open calls again (a clerk's window). */
    public void refresh() {
        if (!ui.session().isClerkMode()) return;
        ui.tasks().quietly(() -> ui.services().clerkCalls().open(), (List<ClerkCall> calls) -> {
            open.setAll(calls);
            updateShowing();
        });
    }

    private void expireQuietly() {
        try {
            if (ui.services().clerkCalls().expireOverdue() > 0)
                ui.tasks().dispatcher().run(this::refresh);
        } catch (RuntimeException e) {
            LOG.debug("clerk calls: expiry not checked now: {}", e.toString());
        }
    }

    private void updateShowing() {
        showing.set(ui.session().isClerkMode() && !open.isEmpty());
    }

    private static String firstName(Customer c) {
        String n = c.fullName() == null ? "" : c.fullName().strip();
        int space = n.indexOf(' ');
        return space > 0 ? n.substring(0, space) : n;
    }

    @Override
    public void close() {
        if (expiry != null) expiry.shutdownNow();
        if (listening != null) {
            try {
                listening.close();
            } catch (Exception e) {
                LOG.debug("clerk calls: closing the feed", e);
            }
        }
        listening = null;
    }
}
