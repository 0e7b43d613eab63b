package com.shopassist.app.ui;

import com.shopassist.app.ui.common.I18n;
import com.shopassist.core.cart.CartService;
import com.shopassist.core.catalog.CatalogService;
import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ChatHistoryService;
import com.shopassist.core.chat.ShoppingAssistant;
import com.shopassist.core.checkout.CheckoutService;
import com.shopassist.core.clerk.ClerkCallFeed;
import com.shopassist.core.clerk.ClerkCallService;
import com.shopassist.core.common.DataUnavailableException;
import com.shopassist.core.customer.CustomerService;
import com.shopassist.core.gift.GiftService;
import com.shopassist.core.order.OrderService;
import com.shopassist.core.outbox.OutboxWatch;
import com.shopassist.core.outbox.ReplayReport;
import com.shopassist.core.privacy.PrivacyService;
import com.shopassist.core.replica.StoreStatus;
import com.shopassist.core.report.ReportService;
import com.shopassist.core.report.SpendBudget;
import com.shopassist.core.stock.StockService;
import com.shopassist.core.voucher.VoucherService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UI's services while the real ones are still being built (the database starting, migrating,
 * and on a first start being seeded), so the window opens at once instead of after them. Each
 * service here is a stand-in that waits for the real one and then calls it: view models call
 * services from background tasks, so a wait shows as the usual progress indicator, never as a
 * frozen window. A chat message sent meanwhile waits for the assistant and is answered; if the
 * start takes longer than {@code chatWait} the shopper is told, in their language, that ShopAssist is
 * still starting. A start that failed (the store database cannot be reached) surfaces as
 * {@link DataUnavailableException} (the database banner and a clear sentence), and the next
 * database check tries the start again.
 */
public final class StartingServices {

    private static final Logger LOG = LoggerFactory.getLogger(StartingServices.class);

    private final Supplier<UiServices> builder;
    private final Duration callWait;
    private final Duration chatWait;
    private final UiServices standIns;
    private volatile CompletableFuture<UiServices> ready;
    private final StartingStoreStatus storeStatus = new StartingStoreStatus();

    private StartingServices(
            Supplier<UiServices> builder, boolean onlineAssistant, Duration callWait, Duration chatWait) {
        this.builder = builder;
        this.callWait = callWait;
        this.chatWait = chatWait;
        this.standIns = new UiServices(
                standIn(CatalogService.class, UiServices::catalog),
                standIn(CartService.class, UiServices::carts),
                standIn(VoucherService.class, UiServices::vouchers),
                standIn(CheckoutService.class, UiServices::checkout),
                standIn(OrderService.class, UiServices::orders),
                standIn(CustomerService.class, UiServices::customers),
                standIn(PrivacyService.class, UiServices::privacy),
                standIn(StockService.class, UiServices::stock),
                new StartingAssistant(),
                standIn(GiftService.class, UiServices::gifts),
                this::probe,
                onlineAssistant,
                storeStatus,
                outbox,
                standIn(ClerkCallService.class, UiServices::clerkCalls),
                "",
                standIn(ClerkCallFeed.class, UiServices::clerkCallFeed),
                standIn(ChatHistoryService.class, UiServices::history),
                standIn(ReportService.class, UiServices::reports),
                standIn(SpendBudget.class, UiServices::budget));
    }

    private final StartingOutbox outbox = new StartingOutbox();

    /**
     * The outbox until the services are ready: nothing waits and nothing is queued yet; listeners
     * are kept and handed to the real outbox once it is built, never waited for on the FX thread.
     */
    private static final class StartingOutbox implements OutboxWatch {
        private final java.util.List<Consumer<ReplayReport>> listeners =
                new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile OutboxWatch real = OutboxWatch.none();

        synchronized void ready(OutboxWatch built) {
            for (Consumer<ReplayReport> l : listeners) built.addListener(l);
            real = built;
        }

        @Override
        public boolean queuesChanges() {
            return real.queuesChanges();
        }

        @Override
        public int waiting() {
            return real.waiting();
        }

        @Override
        public synchronized void addListener(Consumer<ReplayReport> listener) {
            listeners.add(listener);
            real.addListener(listener);
        }
    }

    /**
     * Starts building the services on a background thread and returns at once. Calls wait up to
     * {@code callWait} for them (a first start seeds the catalog: allow a minute), chat messages
     * up to {@code chatWait}.
     */
    public static StartingServices begin(
            Supplier<UiServices> builder, boolean onlineAssistant, Duration callWait, Duration chatWait) {
        StartingServices s = new StartingServices(builder, onlineAssistant, callWait, chatWait);
        s.ready = s.start(Duration.ZERO);
        return s;
    }

    /**
     * Like {@link #begin} but the building waits until {@link #windowShown()} (at most
     * {@code windowWait}): for a first start, whose initdb and seed load every core for seconds and
     * would otherwise keep the window from appearing until they are done.
     */
    public static StartingServices beginAfterWindow(
            Supplier<UiServices> builder,
            boolean onlineAssistant,
            Duration callWait,
            Duration chatWait,
            Duration windowWait) {
        StartingServices s = new StartingServices(builder, onlineAssistant, callWait, chatWait);
        s.ready = s.start(windowWait);
        return s;
    }

    private final CountDownLatch windowShown = new CountDownLatch(1);

    /** The window is on screen: a start held back for it goes ahead. */
    public void windowShown() {
        windowShown.countDown();
    }

    /** What the window is given: stand-ins that wait for the real services. */
    public UiServices services() {
        return standIns;
    }

    /** Completes with the real services (or the failure of the latest attempt to build them). */
    public CompletableFuture<UiServices> ready() {
        return ready;
    }

    /**
     * Shows that the start is under way: the progress bar until the services are ready, and on a
     * first start (a new database: initdb, migrations, the demo catalog) a note in the chat when it
     * begins and when it is done. A start that fails shows the database banner and its sentence.
     */
    public void showProgress(UiContext ui, Consumer<String> chatNotice, boolean firstStart) {
        if (ready.isDone() && !ready.isCompletedExceptionally()) return;
        if (firstStart) chatNotice.accept(ui.i18n().t("chat.firstStart"));
        ui.tasks()
                .run(
                        () -> await(FIRST_START_LIMIT),
                        services -> {
                            if (firstStart) chatNotice.accept(ui.i18n().t("chat.firstStartDone"));
                        },
                        ui.feedback()::error);
    }

    /** Longer than any start, first ones included: the progress bar goes away in the end. */
    private static final Duration FIRST_START_LIMIT = Duration.ofMinutes(10);

    private CompletableFuture<UiServices> start(Duration afterWindow) {
        CompletableFuture<UiServices> f = new CompletableFuture<>();
        Thread t = new Thread(
                () -> {
                    try {
                        if (!afterWindow.isZero()) windowShown.await(afterWindow.toMillis(), TimeUnit.MILLISECONDS);
                        UiServices built = builder.get();
                        storeStatus.started(built.store());
                        outbox.ready(built.outbox());
                        f.complete(built);
                    } catch (Throwable e) {
                        LOG.warn("the services did not start: {}", e.toString(), e);
                        f.completeExceptionally(e);
                    }
                },
                "services-start");
        t.setDaemon(true);
        t.start();
        return f;
    }

    /**
     * Starts again after an attempt that failed because the database could not be reached (it may
     * be back); never twice at once. Other failures (a migration that does not validate) would only
     * fail again: they stay, with the banner, until ShopAssist is restarted.
     */
    private synchronized void restartIfFailed() {
        if (!ready.isCompletedExceptionally()) return;
        Throwable cause = ready.handle((ok, e) -> e).join();
        if (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof DataUnavailableException) ready = start(Duration.ZERO);
    }

    /** The real services, waiting up to {@code max} for them. */
    UiServices await(Duration max) {
        CompletableFuture<UiServices> f = ready;
        if (!f.isDone() && Platform.isFxApplicationThread()) {
            throw new StillStartingException(); // the window must never wait
        }
        try {
            return f.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new StillStartingException();
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof DataUnavailableException d) throw d;
            throw new DataUnavailableException(firstLine(cause), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StillStartingException();
        }
    }

    /** Starting counts as up (no banner for a start in progress); a failed start as down, and is retried. */
    private boolean probe() {
        CompletableFuture<UiServices> f = ready;
        if (!f.isDone()) return true;
        if (f.isCompletedExceptionally()) {
            restartIfFailed();
            return false;
        }
        return f.join().databaseProbe().getAsBoolean();
    }

    @SuppressWarnings("unchecked")
    private <T> T standIn(Class<T> type, Function<UiServices, T> real) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) return objectMethod(type, proxy, method, args);
            if (isGuestStarted(type, method)) {
                // a hint, never worth a wait: handed to the real cart service once it has started
                String key = (String) args[0];
                ready.thenAccept(s -> s.carts().guestStarted(key));
                return null;
            }
            T target = real.apply(await(callWait));
            if (target == null) throw new DataUnavailableException(type.getSimpleName() + " is not available", null);
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    private static boolean isGuestStarted(Class<?> type, Method method) {
        return type == CartService.class && method.getName().equals("guestStarted");
    }

    private static Object objectMethod(Class<?> type, Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "starting " + type.getSimpleName();
        };
    }

    private static String firstLine(Throwable e) {
        String msg = e.getMessage();
        if (msg == null || msg.isBlank())
            return "ShopAssist could not start: " + e.getClass().getSimpleName();
        return msg.lines().findFirst().orElse(msg).strip();
    }

    /**
     * The store status while the services start: the store's database answers until the real status
     * says otherwise. Listeners are kept here and handed to the real status of the start that
     * succeeds (a failed start is tried again with a new future). Never waits.
     */
    private static final class StartingStoreStatus implements StoreStatus {

        private final List<Consumer<Source>> listeners = new ArrayList<>();
        private StoreStatus real;

        /** The start succeeded: its status hears every listener, those added before and after. */
        synchronized void started(StoreStatus status) {
            real = status;
            listeners.forEach(status::addListener);
        }

        private synchronized StoreStatus real() {
            return real;
        }

        @Override
        public Source source() {
            StoreStatus r = real();
            return r == null ? Source.SHARED : r.source();
        }

        @Override
        public Optional<Instant> replicaAsOf() {
            StoreStatus r = real();
            return r == null ? Optional.empty() : r.replicaAsOf();
        }

        @Override
        public synchronized void addListener(Consumer<Source> listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            if (real != null) real.addListener(listener);
        }
    }

    /** The start has not finished within the wait: not a failure, ShopAssist is still getting ready. */
    static final class StillStartingException extends DataUnavailableException {
        StillStartingException() {
            super("ShopAssist is still starting. Please try again in a moment.", null);
        }
    }

    /** The chat's stand-in: a message waits for the assistant, and is told plainly when that takes too long. */
    private final class StartingAssistant implements ShoppingAssistant {

        @Override
        public AssistantReply reply(ChatContext context, String message) {
            return reply(context, message, null);
        }

        @Override
        public AssistantReply reply(ChatContext context, String message, Consumer<String> onToken) {
            UiServices real;
            try {
                real = await(chatWait);
            } catch (StillStartingException e) {
                return stillStarting(context);
            }
            return real.assistant().reply(context, message, onToken);
        }

        @Override
        public AssistantReply confirm(ChatContext context, String actionId, boolean accept) {
            UiServices real;
            try {
                real = await(chatWait);
            } catch (StillStartingException e) {
                return stillStarting(context);
            }
            return real.assistant().confirm(context, actionId, accept);
        }

        @Override
        public void forget(ChatContext context) {
            CompletableFuture<UiServices> f = ready;
            // before the assistant exists there is no conversation to forget
            if (f.isDone() && !f.isCompletedExceptionally())
                f.join().assistant().forget(context);
        }

        private AssistantReply stillStarting(ChatContext context) {
            Locale locale = context == null ? I18n.ENGLISH : I18n.supported(context.uiLocale());
            String text = new I18n(locale).t("chat.starting");
            return new AssistantReply(
                    text, locale.getLanguage(), List.of(), null, null, List.of(), "starting", List.of());
        }
    }
}
