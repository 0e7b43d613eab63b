package com.shopassist.app.loadtest;

import com.shopassist.app.loadtest.ShopperScript.Step;
import com.shopassist.app.loadtest.ShopperScript.Visit;
import com.shopassist.app.wiring.AppWiring;
import com.shopassist.app.wiring.AppWiring.AssistantMode;
import com.shopassist.app.wiring.CoreServices;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.cart.KioskDeparture;
import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ProposedAction;
import com.shopassist.core.chat.ShoppingAssistant;
import com.shopassist.core.customer.Address;
import com.shopassist.core.customer.Customer;
import com.shopassist.core.customer.Passwords;
import com.shopassist.core.customer.Session;
import com.shopassist.core.order.Order;
import com.shopassist.data.db.Database;
import com.shopassist.data.db.PoolWatcher;
import com.shopassist.data.loadtest.LoadTestStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One kiosk of the load test: a pool of its own to the store database, as a real kiosk has, and
 * its own services, tool layer and offline assistant built by the composition root over that
 * pool. It plays one shopper's visit after another on its own thread, timing every turn, every
 * tool call and every wait for a connection, until the run stops.
 */
final class SimulatedKiosk implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedKiosk.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static final String TURN = "turn";
    /** The CPU a turn took on the kiosk's own thread: the rest of a turn is the database and waiting for a core. */
    static final String TURN_CPU = "turn, kiosk CPU only";

    static final String POOL_WAIT = "pool wait";
    static final String SIGN_IN = "sign in";
    static final String IDLE_RESET = "idle reset";
    static final String CHECKOUT_RETRY = "checkout retried";

    private final int number;
    private final String runId;
    private final Latencies latencies;
    private final Latencies kioskActions;
    private final RunLedger ledger;
    private final ShopperScript script;
    private final Random random;
    private final AtomicLong turns;
    private final AtomicLong visits;
    private final int signInShare;

    private Database pool;
    private AppWiring wiring;
    private ShoppingAssistant assistant;
    private CoreServices services;
    private TimedTools tools;
    private Customer customer;
    private char[] password;

    SimulatedKiosk(
            int number,
            String runId,
            Latencies latencies,
            Latencies kioskActions,
            RunLedger ledger,
            ShopperScript script,
            AtomicLong turns,
            AtomicLong visits,
            int signInShare) {
        this.number = number;
        this.runId = runId;
        this.latencies = latencies;
        this.kioskActions = kioskActions;
        this.ledger = ledger;
        this.script = script;
        this.random = new Random(runId.hashCode() * 31L + number);
        this.turns = turns;
        this.visits = visits;
        this.signInShare = signInShare;
    }

    /** Opens the kiosk's pool and services and registers its customer (with a "Rumah" address), recorded as the run's. */
    void open(AppWiring app, int poolSize) {
        pool = app.openKioskPool(poolSize);
        pool.watchPool(new PoolWatcher() {
            @Override
            public void waited(long nanos) {
                latencies.record(POOL_WAIT, nanos, false);
            }

            @Override
            public void timedOut() {
                latencies.error(POOL_WAIT);
            }
        });
        wiring = app.overCopy(pool);
        wiring.wrapTools(t -> tools = new TimedTools(t, latencies, ledger));
        wiring.setRecordSearchMisses(false); // not the store's shoppers: no catalog gaps in its report
        services = wiring.services();
        assistant = wiring.assistant(AssistantMode.OFFLINE_ONLY);
        password = ("Lt-" + UUID.randomUUID()).toCharArray();
        // registration refuses .invalid addresses (no shopper may share one): the run registers its
        // customer itself, recording its id in the same transaction (decision 0085)
        long id = new LoadTestStore(pool, app.clock())
                .registerCustomer(
                        runId,
                        "Load Test Shopper " + number,
                        LoadTestStore.customerEmail(runId, number),
                        Passwords.hash(password.clone()));
        customer = services.customers().customer(id).orElseThrow();
        services.customers()
                .addAddress(
                        customer.id(),
                        new Address(
                                0,
                                customer.id(),
                                "Rumah",
                                "Load Test Shopper " + number,
                                null,
                                "Jl. Uji Beban No. " + number,
                                "Jakarta",
                                null,
                                null,
                                "Indonesia",
                                null,
                                null,
                                true));
    }

    /** Plays visits until {@code pace} says the run is stopping; each visit ends as a kiosk's idle reset does. */
    void run(Pace pace) {
        long n = 0;
        try {
            while (pace.betweenVisits()) {
                visit(ShopperScript.visit(signInShare, number, n), n, pace);
                n++;
                visits.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void visit(Visit kind, long n, Pace pace) throws InterruptedException {
        boolean signedIn = kind == Visit.BUY;
        Session session = null;
        if (signedIn) {
            session =
                    timed(kioskActions, SIGN_IN, () -> services.customers().login(customer.email(), password.clone()));
            if (session == null) return;
        }
        CartOwner owner = signedIn
                ? CartOwner.customer(customer.id())
                : CartOwner.guest(LoadTestStore.guestKey(runId, number, n));
        ChatContext ctx = new ChatContext(UUID.randomUUID(), owner, signedIn ? customer : null, null, Locale.ENGLISH);
        ProposedAction pending = null;
        try {
            for (Step step : script.steps(kind, random)) {
                if (step.confirm() && pending == null) continue; // nothing was proposed: the shopper moves on
                if (!pace.beforeTurn(random)) break;
                ProposedAction answering = step.confirm() ? pending : null;
                AssistantReply reply = turn(ctx, step, answering, pace.steps());
                pending = reply == null ? null : reply.action();
                if (answering != null && answering.kind() == ProposedAction.Kind.CHECKOUT) retryCheckout(answering);
            }
        } finally {
            Session ending = session;
            timed(kioskActions, IDLE_RESET, () -> {
                assistant.forget(ctx);
                KioskDeparture.releaseCart(services.carts(), owner);
                if (ending != null) services.customers().logout(ending.token());
                return Boolean.TRUE;
            });
        }
    }

    private AssistantReply turn(ChatContext ctx, Step step, ProposedAction answering, StepWindows steps) {
        int window = steps.enter();
        tools.startTurn();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        AssistantReply reply = null;
        try {
            reply = answering != null
                    ? assistant.confirm(ctx, answering.id(), true)
                    : assistant.reply(ctx, step.message());
            if (reply.cart() != null) ledger.cart(reply.cart().cartId());
            return reply;
        } catch (RuntimeException e) {
            LOG.warn("kiosk {}: a turn threw", number, e);
            return null;
        } finally {
            boolean failed = reply == null || "fallback".equals(reply.assistant()) || tools.turnFailed();
            long took = System.nanoTime() - t0;
            latencies.record(TURN, took, failed);
            steps.leave(window, took, failed);
            latencies.record(TURN_CPU, THREADS.getCurrentThreadCpuTime() - cpu0, false);
            turns.incrementAndGet();
        }
    }

    /**
     * A kiosk that lost the answer to its checkout asks again with the same key: it must be told
     * the same order, never get a second one. Done after one checkout in three.
     */
    private void retryCheckout(ProposedAction checkout) {
        String key = checkout.params().get("idempotency_key");
        String placed = key == null ? null : ledger.placed(key);
        if (placed == null || random.nextInt(3) != 0) return;
        Order again = timed(
                kioskActions,
                CHECKOUT_RETRY,
                () -> services.checkout()
                        .checkout(
                                customer.id(), Long.parseLong(checkout.params().get("address_id")), key));
        if (again != null && !again.orderNumber().equals(placed)) ledger.conflict(key, placed, again.orderNumber());
    }

    private <T> T timed(Latencies into, String name, Supplier<T> work) {
        long t0 = System.nanoTime();
        boolean failed = true;
        try {
            T result = work.get();
            failed = false;
            return result;
        } catch (RuntimeException e) {
            LOG.warn("kiosk {}: {} failed: {}", number, name, e.toString());
            return null;
        } finally {
            into.record(name, System.nanoTime() - t0, failed);
        }
    }

    @Override
    public void close() {
        if (wiring != null) wiring.close();
        if (pool != null) pool.close();
    }
}
