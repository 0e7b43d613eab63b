package com.shopassist.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shopassist.app.config.ConfigException;
import com.shopassist.app.wiring.AppWiring;
import com.shopassist.core.outbox.CheckoutRejection;
import com.shopassist.core.outbox.Outbox;
import com.shopassist.core.outbox.OutboxRepository;
import com.shopassist.core.outbox.ReplayReport;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * {@code outbox [status] | outbox replay | outbox rejections [--limit N]}, each with {@code --json}:
 * the cart changes this kiosk made while the store's database did not answer (decision 0096), and
 * the checkouts queued offline that the store could not honour, for clerks to follow up.
 */
public final class OutboxCommand {
    private OutboxCommand() {}

    public static final String USAGE = """
            outbox [status] [--json]            cart changes of this kiosk waiting to be sent to the store
            outbox replay [--json]              send them now (the kiosk does it by itself when the store answers)
            outbox rejections [--limit N] [--json]  checkouts queued offline that the store could not honour""";

    private static final ObjectMapper JSON = new ObjectMapper();

    public static int run(AppWiring app, List<String> args, PrintStream out, PrintStream err) {
        String sub = args.isEmpty() || args.get(0).startsWith("--") ? "status" : args.get(0);
        List<String> rest = args.isEmpty() || args.get(0).startsWith("--") ? args : args.subList(1, args.size());
        return switch (sub) {
            case "status" -> status(app, rest, out);
            case "replay" -> replay(app, rest, out);
            case "rejections" -> rejections(app, rest, out);
            default ->
                throw new ConfigException("Unknown outbox subcommand '" + sub + "': use status, replay or rejections");
        };
    }

    private static int status(AppWiring app, List<String> args, PrintStream out) {
        boolean json = jsonOnly("outbox status", args);
        Optional<Outbox> outbox = app.outbox();
        OutboxRepository.Summary s = outbox.map(Outbox::summary).orElse(null);
        if (json) {
            ObjectNode n = JSON.createObjectNode();
            n.put("outbox", outbox.isPresent());
            n.put("waiting", s == null ? 0 : s.waiting());
            n.put("oldest", s == null || s.oldest() == null ? null : s.oldest().toString());
            n.put("failing", s == null ? 0 : s.failing());
            n.put("last_error", s == null ? null : s.lastError());
            out.println(n);
        } else if (s == null) {
            out.println("No outbox: this kiosk has no local store open (a kiosk on the embedded database needs"
                    + " none; while ShopAssist runs on this computer, its window holds the local store)");
        } else {
            out.println("Waiting:  " + s.waiting() + (s.oldest() == null ? "" : " (oldest from " + s.oldest() + ")"));
            out.println("Failing:  " + s.failing() + (s.lastError() == null ? "" : " (last: " + s.lastError() + ")"));
        }
        return 0;
    }

    private static int replay(AppWiring app, List<String> args, PrintStream out) {
        boolean json = jsonOnly("outbox replay", args);
        Outbox outbox = app.outbox()
                .orElseThrow(() -> new ConfigException("outbox replay: this kiosk has no local store, so no outbox"));
        ReplayReport r = outbox.replay();
        if (json) {
            ObjectNode n = JSON.createObjectNode();
            n.put("applied", r.applied());
            n.put("adjusted", r.adjusted());
            n.put("refused", r.rejected());
            n.put("orders_placed", r.ordersPlaced());
            n.put("waiting", r.waiting());
            n.put("stopped", r.stoppedBecause());
            out.println(n);
        } else {
            out.println("Replayed " + r.replayed() + ": " + r.applied() + " applied, " + r.adjusted() + " adjusted, "
                    + r.rejected() + " refused, " + r.ordersPlaced() + " orders placed; " + r.waiting() + " waiting"
                    + (r.stoppedBecause() == null ? "" : " (stopped: " + r.stoppedBecause() + ")"));
        }
        return r.waiting() == 0 ? 0 : 1;
    }

    private static int rejections(AppWiring app, List<String> args, PrintStream out) {
        boolean json = false;
        int limit = 50;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--json")) {
                json = true;
            } else if (a.equals("--limit") || a.startsWith("--limit=")) {
                String v = a.contains("=")
                        ? a.substring(a.indexOf('=') + 1)
                        : (i + 1 < args.size() ? args.get(++i) : null);
                limit = limit(v);
            } else {
                throw new ConfigException("outbox rejections: unknown option '" + a + "'");
            }
        }
        List<CheckoutRejection> found = app.repositories().checkoutRejections().latest(limit);
        if (json) {
            ArrayNode list = JSON.createArrayNode();
            for (CheckoutRejection r : found) {
                ObjectNode n = list.addObject();
                n.put("reference", r.reference());
                n.put("customer_id", r.customerId());
                n.put("reason", r.reason());
                n.put("message", r.message());
                n.put("kiosk", r.kioskId());
                n.put("queued_at", r.queuedAt().toString());
                n.put("rejected_at", r.rejectedAt().toString());
            }
            out.println(list);
        } else if (found.isEmpty()) {
            out.println("No queued checkout was refused.");
        } else {
            for (CheckoutRejection r : found) {
                out.println(r.rejectedAt() + "  " + r.reference() + "  customer " + r.customerId() + "  " + r.reason()
                        + ": " + r.message() + (r.kioskId() == null ? "" : "  (kiosk " + r.kioskId() + ")"));
            }
        }
        return 0;
    }

    private static boolean jsonOnly(String command, List<String> args) {
        boolean json = false;
        for (String a : args) {
            if (a.equals("--json")) json = true;
            else throw new ConfigException(command + ": unknown option '" + a + "'");
        }
        return json;
    }

    private static int limit(String value) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.strip());
            if (n >= 1 && n <= 10_000) return n;
        } catch (NumberFormatException e) {
            // worded below
        }
        throw new ConfigException("--limit needs a number from 1 to 10000");
    }
}
