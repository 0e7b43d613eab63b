package com.shopassist.app.ui;

import com.shopassist.app.ui.common.DbStatus;
import com.shopassist.app.ui.common.Feedback;
import com.shopassist.app.ui.common.I18n;
import com.shopassist.app.ui.common.ShopSession;
import com.shopassist.app.ui.common.UiTasks;
import com.shopassist.app.ui.kiosk.KioskSettings;
import java.util.Locale;

/** What every view model needs: services, the background runner, language, session, messages. */
public record UiContext(
        UiServices services,
        UiTasks tasks,
        I18n i18n,
        ShopSession session,
        Feedback feedback,
        DbStatus db,
        KioskSettings kiosk) {

    /** A context whose view models run synchronously on the caller's thread (tests). */
    public static UiContext direct(UiServices services, Locale locale, KioskSettings kiosk) {
        return create(services, UiTasks.direct(), locale, kiosk);
    }

    public static UiContext create(UiServices services, UiTasks tasks, Locale locale, KioskSettings kiosk) {
        I18n i18n = new I18n(locale);
        DbStatus db = new DbStatus(services.databaseProbe());
        ShopSession session = new ShopSession(key -> guestStarted(services, tasks, key));
        return new UiContext(services, tasks, i18n, session, new Feedback(i18n, db), db, kiosk);
    }

    /**
     * Tells the cart service of a new guest key, in the background (while the services start, their
     * stand-ins wait for them). Missed, it costs the guest's first add one read of their cart.
     */
    private static void guestStarted(UiServices services, UiTasks tasks, String key) {
        try {
            tasks.quietly(
                    () -> {
                        services.carts().guestStarted(key);
                        return key;
                    },
                    started -> {});
        } catch (RuntimeException e) {
            // the background is closing (the kiosk shuts down): nothing more is added anyway
        }
    }

    /** Writes need the database: says so instead of trying when it is known to be down. */
    public boolean refuseWriteWhenOffline() {
        if (db.isUp()) return false;
        feedback.warning("error.writeRefused");
        return true;
    }

    /**
     * A cart change or a checkout: a kiosk with an outbox takes it offline too (it waits there, or
     * checkout says what it does offline); one without refuses it like any write.
     */
    public boolean refuseCartWriteWhenOffline() {
        return !services.outbox().queuesChanges() && refuseWriteWhenOffline();
    }
}
