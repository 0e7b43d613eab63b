package com.shopassist.data.outbox;

import com.shopassist.core.outbox.OfflineCheckout;
import com.shopassist.core.outbox.ReplayReport;
import com.shopassist.data.db.Database;
import com.shopassist.data.db.DbSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A kiosk process that only replays its outbox, for the test that kills it halfway:
 * {@code ReplayProcess <store url> <store user> <local url> <local user> <kiosk id> <instant>}.
 * Passwords, if any, come from the environment ({@code STORE_PASSWORD}, {@code LOCAL_PASSWORD}).
 */
public final class ReplayProcess {

    private ReplayProcess() {}

    public static void main(String[] args) {
        DbSettings store = new DbSettings(args[0], args[1], System.getenv("STORE_PASSWORD"), "test");
        DbSettings localSettings = new DbSettings(args[2], args[3], System.getenv("LOCAL_PASSWORD"), "test");
        Clock clock = Clock.fixed(Instant.parse(args[5]), ZoneOffset.UTC);
        try (Database shared = Database.open(store, 4);
                Database local = Database.open(localSettings, 2)) {
            TestKiosk kiosk = new TestKiosk(shared, local, clock, args[4], OfflineCheckout.QUEUE);
            System.out.println("replaying");
            ReplayReport report = kiosk.outbox.replay();
            System.out.println("replayed " + report);
        }
    }
}
