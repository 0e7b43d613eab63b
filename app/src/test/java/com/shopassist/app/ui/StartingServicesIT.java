package com.shopassist.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.app.ui.chat.ChatEntry;
import com.shopassist.app.ui.chat.ChatViewModel;
import com.shopassist.app.ui.common.I18n;
import com.shopassist.app.ui.kiosk.KioskSettings;
import com.shopassist.app.wiring.AppWiring;
import com.shopassist.core.cart.CartService;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.core.common.DataUnavailableException;
import com.shopassist.core.replica.StoreStatus;
import com.shopassist.core.replica.StoreStatus.Source;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The window opens before the database is up: what the shopper gets from a chat (or any other
 * call) while the services are still starting, when the start is slow, and when it fails. View
 * models on the test's thread (direct dispatcher), the real services over a seeded PostgreSQL.
 */
class StartingServicesIT {

    private static Database db;
    private static UiServices real;

    @BeforeAll
    static void store() {
        db = TestDatabase.freshSeeded(4);
        AppWiring app = AppWiring.over(db, Clock.systemUTC());
        real = app.uiServices(app.offlineAssistant(), false);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** A start that finishes when {@code go} is counted down. */
    private static Supplier<UiServices> startingUntil(CountDownLatch go) {
        return startingUntil(go, real);
    }

    private static Supplier<UiServices> startingUntil(CountDownLatch go, UiServices services) {
        return () -> {
            try {
                if (!go.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return services;
        };
    }

    private static void releaseLater(CountDownLatch go, long millis) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException ignored) {
                // released at once
            }
            go.countDown();
        });
        t.setDaemon(true);
        t.start();
    }

    private static ChatEntry ask(ChatViewModel chat, String text) {
        chat.inputProperty().set(text);
        chat.send();
        return chat.messages().get(chat.messages().size() - 1);
    }

    @Test
    void aMessageSentWhileTheDatabaseStartsWaitsAndIsAnswered() {
        CountDownLatch go = new CountDownLatch(1);
        StartingServices starting =
                StartingServices.begin(startingUntil(go), false, Duration.ofSeconds(20), Duration.ofSeconds(20));
        UiContext ui = UiContext.direct(starting.services(), Locale.ENGLISH, KioskSettings.desktop());
        ChatViewModel chat = new ChatViewModel(ui);
        assertThat(starting.ready()).isNotDone();

        releaseLater(go, 300);
        long t0 = System.nanoTime();
        ChatEntry answer = ask(chat, "rice cooker");

        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(250);
        assertThat(answer.role()).isEqualTo(ChatEntry.Role.ASSISTANT);
        assertThat(answer.text()).isNotBlank().doesNotContain("starting").doesNotContain("Exception");
        assertThat(answer.cards()).isNotEmpty();
        assertThat(chat.assistantNameProperty().get()).isEqualTo("offline");
        assertThat(ui.db().isUp()).isTrue();
    }

    @Test
    void aStartSlowerThanTheChatWaitGetsAClearStillStartingAnswerInTheShoppersLanguage() {
        CountDownLatch never = new CountDownLatch(1);
        StartingServices starting =
                StartingServices.begin(startingUntil(never), false, Duration.ofSeconds(20), Duration.ofMillis(200));
        try {
            UiContext en = UiContext.direct(starting.services(), Locale.ENGLISH, KioskSettings.desktop());
            ChatEntry english = ask(new ChatViewModel(en), "hello");
            assertThat(english.text()).isEqualTo(new I18n(I18n.ENGLISH).t("chat.starting"));
            assertThat(english.text()).contains("still getting ready");
            // starting is not an outage: no database banner
            assertThat(en.db().isUp()).isTrue();
            assertThat(en.db().probe()).isTrue();

            UiContext id = UiContext.direct(starting.services(), I18n.INDONESIAN, KioskSettings.desktop());
            ChatEntry indonesian = ask(new ChatViewModel(id), "halo");
            assertThat(indonesian.text()).isEqualTo(new I18n(I18n.INDONESIAN).t("chat.starting"));
            assertThat(indonesian.text()).isNotEqualTo(english.text());
        } finally {
            never.countDown();
        }
    }

    @Test
    void aNewGuestToldWhileStartingNeverWaitsAndReachesTheCartServiceOnceStarted() throws Exception {
        List<String> told = new CopyOnWriteArrayList<>();
        CartService carts = real.carts();
        CartService recording = (CartService) java.lang.reflect.Proxy.newProxyInstance(
                CartService.class.getClassLoader(), new Class<?>[] {CartService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("guestStarted")) {
                        told.add((String) args[0]);
                        return null;
                    }
                    return method.invoke(carts, args);
                });
        UiServices withRecording = new UiServices(
                real.catalog(),
                recording,
                real.vouchers(),
                real.checkout(),
                real.orders(),
                real.customers(),
                real.privacy(),
                real.stock(),
                real.assistant(),
                real.gifts(),
                real.databaseProbe(),
                false,
                real.store());
        CountDownLatch go = new CountDownLatch(1);
        StartingServices starting = StartingServices.begin(
                startingUntil(go, withRecording), false, Duration.ofSeconds(20), Duration.ofSeconds(20));

        long t0 = System.nanoTime();
        starting.services().carts().guestStarted("guest-told-while-starting");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1_000);
        assertThat(told).isEmpty();

        go.countDown();
        starting.ready().get(20, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (told.isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(told).containsExactly("guest-told-while-starting");

        starting.services().carts().guestStarted("guest-told-after");
        assertThat(told).containsExactly("guest-told-while-starting", "guest-told-after");
    }

    @Test
    void aFirstStartBeginsOnlyOnceTheWindowIsShown() throws Exception {
        AtomicInteger built = new AtomicInteger();
        StartingServices starting = StartingServices.beginAfterWindow(
                () -> {
                    built.incrementAndGet();
                    return real;
                },
                false,
                Duration.ofSeconds(20),
                Duration.ofSeconds(20),
                Duration.ofSeconds(20));
        Thread.sleep(300);
        assertThat(built.get()).as("started before the window was shown").isZero();
        assertThat(starting.ready()).isNotDone();

        starting.windowShown();

        assertThat(starting.ready().get(20, TimeUnit.SECONDS)).isSameAs(real);
        assertThat(built.get()).isEqualTo(1);
    }

    @Test
    void aStartThatFailsForAnotherReasonIsNotRetriedEveryFewSeconds() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        StartingServices starting = StartingServices.begin(
                () -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("Validate failed: Migrations have failed validation");
                },
                false,
                Duration.ofSeconds(20),
                Duration.ofSeconds(20));
        UiContext ui = UiContext.direct(starting.services(), Locale.ENGLISH, KioskSettings.desktop());
        ChatEntry answer = ask(new ChatViewModel(ui), "hello");
        assertThat(answer.text()).isEqualTo(new I18n(I18n.ENGLISH).t("error.database"));
        assertThat(ui.db().probe()).isFalse();
        assertThat(ui.db().probe()).isFalse();
        Thread.sleep(200);
        assertThat(attempts.get()).isEqualTo(1);
    }

    @Test
    void aFirstStartSaysInTheChatThatTheStoreIsBeingSetUpAndWhenItIsReady() {
        CountDownLatch go = new CountDownLatch(1);
        StartingServices starting =
                StartingServices.begin(startingUntil(go), false, Duration.ofSeconds(20), Duration.ofSeconds(20));
        UiContext ui = UiContext.direct(starting.services(), I18n.INDONESIAN, KioskSettings.desktop());
        ChatViewModel chat = new ChatViewModel(ui);
        releaseLater(go, 200);

        starting.showProgress(ui, chat::notice, true); // direct tasks: returns once the start is done

        I18n id = new I18n(I18n.INDONESIAN);
        assertThat(chat.messages())
                .extracting(ChatEntry::text)
                .containsSubsequence(id.t("chat.firstStart"), id.t("chat.firstStartDone"));
    }

    @Test
    void otherCallsMadeDuringTheStartWaitForTheRealServices() {
        CountDownLatch go = new CountDownLatch(1);
        StartingServices starting =
                StartingServices.begin(startingUntil(go), false, Duration.ofSeconds(20), Duration.ofSeconds(20));
        releaseLater(go, 200);
        var found = starting.services().catalog().search(ProductQuery.text("headphones"));
        assertThat(found.items()).isNotEmpty();
        assertThat(starting.ready()).isCompleted();
    }

    @Test
    void aFailedStartAnswersWithTheDatabaseSentenceShowsTheBannerAndIsTriedAgain() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        StartingServices starting = StartingServices.begin(
                () -> {
                    if (attempts.incrementAndGet() == 1) {
                        throw new DataUnavailableException("Cannot reach the database at jdbc:postgresql://x", null);
                    }
                    return real;
                },
                false,
                Duration.ofSeconds(20),
                Duration.ofSeconds(20));
        UiContext ui = UiContext.direct(starting.services(), Locale.ENGLISH, KioskSettings.desktop());
        ChatViewModel chat = new ChatViewModel(ui);

        ChatEntry failed = ask(chat, "rice cooker");
        assertThat(failed.text()).isEqualTo(new I18n(I18n.ENGLISH).t("error.database"));
        assertThat(ui.db().isUp()).isFalse();

        // the banner's check starts again; the second attempt succeeds
        assertThat(ui.db().probe()).isFalse();
        starting.ready().get(20, TimeUnit.SECONDS);
        assertThat(ui.db().probe()).isTrue();
        assertThat(attempts.get()).isEqualTo(2);

        ChatEntry answered = ask(chat, "rice cooker");
        assertThat(answered.text()).isNotEqualTo(failed.text()).isNotBlank();
        assertThat(answered.cards()).isNotEmpty();
    }

    @Test
    void theWindowsStoreStatusListenerHearsTheRealStatusAfterAFailedStartIsTriedAgain() throws Exception {
        List<Consumer<Source>> realListeners = new CopyOnWriteArrayList<>();
        StoreStatus local = new StoreStatus() {
            @Override
            public Source source() {
                return Source.LOCAL;
            }

            @Override
            public Optional<Instant> replicaAsOf() {
                return Optional.of(Instant.parse("2026-11-25T07:05:00Z"));
            }

            @Override
            public void addListener(Consumer<Source> listener) {
                realListeners.add(listener);
            }
        };
        UiServices withReplica = new UiServices(
                real.catalog(),
                real.carts(),
                real.vouchers(),
                real.checkout(),
                real.orders(),
                real.customers(),
                real.privacy(),
                real.stock(),
                real.assistant(),
                real.gifts(),
                real.databaseProbe(),
                false,
                local);
        AtomicInteger attempts = new AtomicInteger();
        StartingServices starting = StartingServices.begin(
                () -> {
                    if (attempts.incrementAndGet() == 1) {
                        throw new DataUnavailableException("Cannot reach the database at jdbc:postgresql://x", null);
                    }
                    return withReplica;
                },
                false,
                Duration.ofSeconds(20),
                Duration.ofSeconds(20));
        StoreStatus window = starting.services().store();
        List<Source> heard = new CopyOnWriteArrayList<>();
        window.addListener(heard::add); // as the window does, while the first start is failing
        assertThatThrownBy(() -> starting.ready().get(20, TimeUnit.SECONDS));
        assertThat(window.source()).isEqualTo(Source.SHARED);

        starting.services().databaseProbe().getAsBoolean(); // the banner's check starts it again
        starting.ready().get(20, TimeUnit.SECONDS);

        assertThat(window.source()).isEqualTo(Source.LOCAL);
        assertThat(window.replicaAsOf()).isPresent();
        assertThat(realListeners).hasSize(1);
        realListeners.get(0).accept(Source.SHARED);
        assertThat(heard).containsExactly(Source.SHARED);
    }
}
