package com.shopassist.app.eval;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ProductCard;
import com.shopassist.core.chat.ShoppingAssistant;
import com.shopassist.core.customer.Customer;
import com.shopassist.core.customer.CustomerService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Plays one task against a fresh copy of the demo store and scores it the way tau-bench's retail
 * domain does: by the end state of the database (cart lines, the stock they hold, the voucher,
 * orders, and everyone else's data untouched), plus facts the replies must state.
 */
public final class EvalRunner {
    private EvalRunner() {}

    /** Plays {@code task} as a new chat session with {@code assistant} over the store behind {@code data}. */
    public static TaskResult play(
            EvalTask task, ShoppingAssistant assistant, CustomerService customers, DataSource data) {
        return play(task, assistant, customers, data, PlayObserver.NONE);
    }

    /** {@link #play} told to {@code observer}, whose problems fail the task. */
    public static TaskResult play(
            EvalTask task,
            ShoppingAssistant assistant,
            CustomerService customers,
            DataSource data,
            PlayObserver observer) {
        long t0 = System.nanoTime();
        OrderPlaceholders orders = OrderPlaceholders.of(data);
        EvalTask resolved;
        try {
            resolved = orders.resolve(task);
        } catch (IllegalArgumentException e) {
            // the task would ask about an order the store does not hold: it tests nothing, so it fails
            return new TaskResult(
                    task.id(),
                    task.tags(),
                    false,
                    false,
                    List.of(e.getMessage()),
                    (System.nanoTime() - t0) / 1_000_000);
        }
        return play(resolved, orders, assistant, customers, data, observer, t0);
    }

    private static TaskResult play(
            EvalTask task,
            OrderPlaceholders orders,
            ShoppingAssistant assistant,
            CustomerService customers,
            DataSource data,
            PlayObserver observer,
            long t0) {
        Customer customer = null;
        if (task.customer() != null) {
            customer = customers.lookup(task.customer(), 5).stream()
                    .filter(c -> c.email().equalsIgnoreCase(task.customer()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "task " + task.id() + ": no customer " + task.customer() + " in the demo store"));
        }
        CartOwner owner =
                customer != null ? CartOwner.customer(customer.id()) : CartOwner.guest("eval-" + UUID.randomUUID());
        ChatContext ctx = new ChatContext(UUID.randomUUID(), owner, customer, null, Locale.ENGLISH);
        StoreState before = StoreState.read(data, owner);
        StringBuilder said = new StringBuilder();
        List<String> problems = new ArrayList<>();
        // tasks name products of the deterministic demo seed: a changed seed fails loudly here
        for (String p : StoreState.unknownProducts(
                data, task.cart() == null ? List.of() : task.cart().keySet())) {
            problems.add("expects \"" + p + "\", which the demo store does not hold (the demo seed changed:"
                    + " regenerate this task)");
        }
        observer.beginTask(task, orders);
        for (int i = 0; i < task.turns().size(); i++) {
            String turn = task.turns().get(i);
            observer.beforeTurn(task, i);
            try {
                AssistantReply r = assistant.reply(ctx, turn);
                said.append(r.text()).append('\n');
                for (ProductCard p : r.products()) said.append(p.name()).append('\n');
            } catch (RuntimeException e) {
                problems.add("\"" + turn + "\" threw " + e);
            }
        }
        problems.addAll(observer.endTask(task));
        StoreState after = StoreState.read(data, owner);
        boolean wrongWrite = score(task, before, after, said.toString(), problems);
        return new TaskResult(
                task.id(), task.tags(), problems.isEmpty(), wrongWrite, problems, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Adds what differs to {@code problems}; true when the store was written where it should not have been. */
    static boolean score(EvalTask task, StoreState before, StoreState after, String said, List<String> problems) {
        Map<String, Integer> cart = task.cart() != null ? task.cart() : before.cart();
        Map<String, Integer> holds = task.cart() != null ? task.cart() : before.holds();
        String voucher = task.voucher() != null ? task.voucher() : before.voucher();
        long orders = before.orders() + task.newOrders();
        if (!after.cart().equals(cart)) problems.add("cart " + after.cart() + ", expected " + cart);
        if (!after.holds().equals(holds)) problems.add("stock held " + after.holds() + ", expected " + holds);
        if (!after.voucher().equals(voucher))
            problems.add("voucher '" + after.voucher() + "', expected '" + voucher + "'");
        if (after.orders() != orders)
            problems.add((after.orders() - before.orders()) + " new orders, expected " + task.newOrders());
        if (task.orderAddress() != null
                && (after.newestOrderAddress() == null
                        || !after.newestOrderAddress()
                                .toLowerCase(Locale.ROOT)
                                .contains(task.orderAddress().toLowerCase(Locale.ROOT)))) {
            problems.add("order shipped to " + after.newestOrderAddress() + ", expected " + task.orderAddress());
        }
        boolean othersChanged = !Objects.equals(before.others(), after.others());
        if (othersChanged) problems.add("another shopper's cart, orders or vouchers changed");
        String low = said.toLowerCase(Locale.ROOT);
        for (String f : task.facts())
            if (!low.contains(f.toLowerCase(Locale.ROOT))) problems.add("replies never said \"" + f + "\"");
        for (String a : task.absent())
            if (low.contains(a.toLowerCase(Locale.ROOT))) problems.add("replies said \"" + a + "\"");
        return othersChanged
                || changedWrongly(before.cart(), after.cart(), cart)
                || changedWrongly(before.voucher(), after.voucher(), voucher)
                || changedWrongly(before.orders(), after.orders(), orders);
    }

    private static boolean changedWrongly(Object before, Object after, Object expected) {
        return !after.equals(before) && !after.equals(expected);
    }
}
