package com.shopassist.core.outbox;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.common.Transactions;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Stand-ins for the ports and services the outbox talks to, for the unit tests of its decisions
 * (the SQL behind the ports is tested against PostgreSQL in data's outbox tests).
 */
final class Fakes {

    private Fakes() {}

    /**
     * An implementation of {@code type} that answers the methods named in {@code answers} and
     * fails on any other, so a test says exactly what it expects to be called.
     */
    static <T> T of(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        InvocationHandler h = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "fake " + type.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                };
            }
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer == null) throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
            return answer.apply(args == null ? new Object[0] : args);
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
    }

    /** Work runs on the caller's thread; nothing rolls back (fakes hold no transaction). */
    static final Transactions DIRECT = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };

    /** The kiosk's outbox in memory, with what the data module's one does. */
    static final class MemoryOutbox implements OutboxRepository {
        final List<CartChange> changes = new ArrayList<>();
        final Map<UUID, ChangeOutcome> done = new LinkedHashMap<>();
        final Map<UUID, Integer> attempts = new HashMap<>();
        final Map<CartOwner, LastKnownCart> bases = new HashMap<>();
        final java.util.Set<CartOwner> parked = new java.util.HashSet<>();
        RuntimeException markingFails;

        @Override
        public void append(CartChange change, LastKnownCart base) {
            if (!hasPending(change.owner())) bases.put(change.owner(), base);
            changes.add(change);
        }

        @Override
        public List<CartChange> pending(int limit) {
            return waiting()
                    .filter(c -> !parked.contains(c.owner()))
                    .limit(limit)
                    .toList();
        }

        private java.util.stream.Stream<CartChange> waiting() {
            return changes.stream().filter(c -> !done.containsKey(c.changeId()));
        }

        @Override
        public List<CartChange> parkedFirst() {
            Map<CartOwner, CartChange> first = new LinkedHashMap<>();
            waiting().filter(c -> parked.contains(c.owner())).forEach(c -> first.putIfAbsent(c.owner(), c));
            return List.copyOf(first.values());
        }

        @Override
        public int park(CartOwner owner, String reason, Instant at) {
            if (owner.isGuest() || !parked.add(owner)) return 0;
            return pendingOf(owner).size();
        }

        @Override
        public void forgetSessions(CartOwner owner) {
            if (!parked.contains(owner)) return;
            changes.replaceAll(
                    c -> c.owner().equals(owner) && !done.containsKey(c.changeId()) ? c.withSession(null) : c);
        }

        @Override
        public void unpark(CartOwner owner) {
            parked.remove(owner);
        }

        @Override
        public List<CartChange> pendingOf(CartOwner owner) {
            return waiting().filter(c -> c.owner().equals(owner)).toList();
        }

        @Override
        public boolean hasPending(CartOwner owner) {
            return !pendingOf(owner).isEmpty();
        }

        @Override
        public int pendingCount() {
            return (int) waiting().count();
        }

        @Override
        public Optional<LastKnownCart> base(CartOwner owner) {
            return hasPending(owner) ? Optional.ofNullable(bases.get(owner)) : Optional.empty();
        }

        @Override
        public Map<CartOwner, CartChange> latestPending() {
            Map<CartOwner, CartChange> latest = new LinkedHashMap<>();
            waiting().forEach(c -> latest.put(c.owner(), c));
            return latest;
        }

        @Override
        public void markDone(UUID changeId, ChangeOutcome outcome, Instant at, LastKnownCart baseAfter) {
            if (markingFails != null) throw markingFails;
            done.put(changeId, outcome);
            if (baseAfter != null) bases.put(baseAfter.owner(), baseAfter);
        }

        @Override
        public int recordFailure(UUID changeId, String error) {
            return attempts.merge(changeId, 1, Integer::sum);
        }

        @Override
        public Summary summary() {
            List<CartChange> waiting = waiting().toList();
            return new Summary(
                    waiting.size(),
                    waiting.isEmpty() ? null : waiting.get(0).queuedAt(),
                    (int) waiting.stream()
                            .filter(c -> attempts.containsKey(c.changeId()))
                            .count(),
                    null);
        }

        @Override
        public void forgetDone(Instant before) {}
    }

    /** The store's applied change ids and refused checkouts, in memory. */
    static final class MemoryLedger implements AppliedChangeRepository, CheckoutRejectionRepository {
        final Map<UUID, ChangeOutcome> applied = new LinkedHashMap<>();
        final List<CheckoutRejection> rejections = new ArrayList<>();
        /** A replay somewhere else records the change first (once). */
        ChangeOutcome raceWith;
        /** Whether the session presented now acts for a customer. */
        java.util.function.LongPredicate actsFor = customerId -> true;
        /** Notices of waiting changes left: customer id to how many wait. */
        final Map<Long, Integer> waitingNoticed = new LinkedHashMap<>();

        @Override
        public boolean actsFor(long customerId) {
            return actsFor.test(customerId);
        }

        /** The store fails to answer this many notes of waiting changes. */
        int notesFailing;

        @Override
        public boolean noteChangesWaiting(long customerId, int waiting, String kioskId, Instant at) {
            if (notesFailing > 0) {
                notesFailing--;
                throw new com.shopassist.core.common.DataUnavailableException("the store did not answer", null);
            }
            waitingNoticed.put(customerId, waiting);
            return true;
        }

        @Override
        public void changesCaughtUp(long customerId, String kioskId) {
            waitingNoticed.remove(customerId);
        }

        @Override
        public Optional<ChangeOutcome> find(UUID changeId) {
            return Optional.ofNullable(applied.get(changeId));
        }

        @Override
        public void record(UUID changeId, CartChange.Kind kind, ChangeOutcome outcome, String kioskId, Instant at) {
            if (raceWith != null) {
                applied.put(changeId, raceWith);
                raceWith = null;
                throw new ChangeAlreadyAppliedException(changeId, null);
            }
            if (applied.putIfAbsent(changeId, outcome) != null) throw new ChangeAlreadyAppliedException(changeId, null);
        }

        @Override
        public void record(CheckoutRejection rejection) {
            rejections.add(rejection);
        }

        @Override
        public List<CheckoutRejection> latest(int limit) {
            return rejections.stream().limit(limit).toList();
        }
    }
}
