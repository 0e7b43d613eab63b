package com.shopassist.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.replica.StoreStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The window while the kiosk answers from its local replica: a badge with the time of the replica's
 * last refresh, in the shopper's language, instead of the "can't reach the store database" banner;
 * gone again when the store's database answers. (Which database answers is the switch's business,
 * tested on real servers in KioskReplicaIT; here it is set by hand.)
 */
class ReplicaBadgeIT extends UiTestBase {

    /** A store status the test sets, telling its listeners as the real switch does. */
    static final class SetStatus implements StoreStatus {
        volatile Source source = Source.SHARED;
        volatile Instant asOf;
        final List<Consumer<Source>> listeners = new CopyOnWriteArrayList<>();

        @Override
        public Source source() {
            return source;
        }

        @Override
        public Optional<Instant> replicaAsOf() {
            return Optional.ofNullable(asOf);
        }

        @Override
        public void addListener(Consumer<Source> listener) {
            listeners.add(listener);
        }

        void set(Source now) {
            source = now;
            listeners.forEach(l -> l.accept(now));
        }
    }

    static final SetStatus STATUS = new SetStatus();

    @Override
    protected UiServices services() {
        UiServices s = UiTestBase.services;
        return new UiServices(
                s.catalog(),
                s.carts(),
                s.vouchers(),
                s.checkout(),
                s.orders(),
                s.customers(),
                s.privacy(),
                s.stock(),
                s.assistant(),
                s.gifts(),
                () -> STATUS.source() == StoreStatus.Source.SHARED,
                false,
                STATUS);
    }

    @Test
    void theBadgeSaysHowOldThePricesAreWhileTheReplicaAnswersAndGoesWhenTheStoreIsBack(FxRobot robot) {
        assertThat(showing(robot, "#replica-badge")).isFalse();
        STATUS.asOf = LocalDate.now()
                .atTime(LocalTime.of(14, 5))
                .atZone(ZoneId.systemDefault())
                .toInstant();

        STATUS.set(StoreStatus.Source.LOCAL);
        ui.db().markDown();

        waitUntil("the badge", () -> showing(robot, "#replica-badge"));
        assertThat(text(robot, "#replica-badge")).isEqualTo("Offline: prices and stock as of 14:05");
        assertThat(showing(robot, "#db-banner")).as("the badge says it instead").isFalse();
        robot.clickOn("#language-toggle");
        waitUntil("in Indonesian", () -> text(robot, "#replica-badge").equals("Offline: harga dan stok per 14:05"));

        STATUS.set(StoreStatus.Source.SHARED);
        waitUntil("the badge gone", () -> !showing(robot, "#replica-badge"));
        assertNoStackTraceShown(robot);
    }
}
