package com.shopassist.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shopassist.app.config.ConfigException;
import com.shopassist.app.wiring.AppWiring;
import com.shopassist.core.common.ShopException;
import com.shopassist.core.money.Money;
import com.shopassist.core.report.StoreReport;
import com.shopassist.core.report.StoreReport.LayerFigures;
import com.shopassist.core.report.StoreReport.ModelUsage;
import com.shopassist.core.report.StoreReport.SearchMiss;
import com.shopassist.data.db.Database;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * {@code report [--json] [--day YYYY-MM-DD]}: one store day from the database, so every kiosk's
 * turns and orders are in it; yesterday by default, for a manager's morning check. The store
 * owner's role only: a kiosk role is refused in one line (exit code 1).
 */
public final class ReportCommand {
    private ReportCommand() {}

    public static final String USAGE = """
            report [--json] [--day YYYY-MM-DD]  the store's day: assistant turns, AI cost, assisted sales, missed searches""";

    private static final DateTimeFormatter HEADING = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);

    public static int run(AppWiring app, List<String> args, PrintStream out) {
        app.setAutoSeed(false); // a report reads; it never fills an empty database
        boolean json = false;
        LocalDate day = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--json")) {
                json = true;
            } else if (a.equals("--day") || a.startsWith("--day=")) {
                String value = a.contains("=")
                        ? a.substring(a.indexOf('=') + 1)
                        : (i + 1 < args.size() ? args.get(++i) : null);
                day = day(value);
            } else {
                throw new ConfigException("report: unknown option '" + a + "'");
            }
        }
        refuseKioskRole(app.database());
        StoreReport r = day == null
                ? app.services().reports().yesterday()
                : app.services().reports().day(day);
        out.print(json ? json(r) + "\n" : text(r, app.database().settings().safeUrl()));
        return 0;
    }

    /**
     * Under a kiosk role, row-level security shows no customer's orders and chats but the presented
     * session's: the sums would be silently wrong, so the report is the owner's only.
     */
    private static void refuseKioskRole(Database db) {
        if (!db.isOwnerRole()) {
            throw new ShopException(
                    "OWNER_ROLE_NEEDED",
                    "report needs the store owner's database role; '"
                            + db.settings().user() + "' is a kiosk role,"
                            + " which sees no other customer's orders, so its figures would be wrong");
        }
    }

    private static LocalDate day(String value) {
        if (value == null) throw new ConfigException("--day needs a date (YYYY-MM-DD)");
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ConfigException("--day must be a date written YYYY-MM-DD, not '" + value + "'");
        }
    }

    static String json(StoreReport r) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode n = mapper.createObjectNode();
        n.put("day", r.day().toString());
        n.put("zone", r.zone().getId());
        ObjectNode assistant = n.putObject("assistant");
        assistant.put("turns", r.turns());
        assistant.put("sessions", r.sessions());
        assistant.put("fallbackRate", rate(r.fallbackRate()));
        assistant.put("offlineRate", rate(r.offlineRate()));
        ArrayNode layers = assistant.putArray("layers");
        for (LayerFigures l : r.layers()) {
            layers.addObject()
                    .put("assistant", l.assistant())
                    .put("turns", l.turns())
                    .put("sessions", l.sessions());
        }
        ObjectNode ai = n.putObject("ai");
        ai.put("inputTokens", r.inputTokens());
        ai.put("outputTokens", r.outputTokens());
        ai.put("totalTokens", r.totalTokens());
        ai.put("costUsd", r.costUsd().stripTrailingZeros().toPlainString());
        ai.put("usdToIdr", r.usdToIdr().stripTrailingZeros().toPlainString());
        ai.put("costIdr", r.costIdr().amount().toPlainString());
        ArrayNode models = ai.putArray("models");
        for (ModelUsage m : r.models()) {
            models.addObject()
                    .put("model", m.model())
                    .put("calls", m.calls())
                    .put("inputTokens", m.inputTokens())
                    .put("outputTokens", m.outputTokens())
                    .put("costUsd", m.costUsd().stripTrailingZeros().toPlainString());
        }
        ObjectNode sales = n.putObject("sales");
        sales.put("assistedOrders", r.assistedOrders());
        sales.put("assistedRevenue", r.assistedRevenue().amount().toPlainString());
        sales.put("orders", r.allOrders());
        sales.put("revenue", r.allRevenue().amount().toPlainString());
        ArrayNode misses = n.putArray("searchesWithoutResults");
        for (SearchMiss m : r.searchMisses())
            misses.addObject().put("query", m.query()).put("times", m.times());
        return n.toString();
    }

    static String text(StoreReport r, String database) {
        StringBuilder b = new StringBuilder();
        b.append("Store report for ")
                .append(HEADING.format(r.day()))
                .append(" (")
                .append(r.zone().getId())
                .append(")\n");
        b.append("Database: ").append(database).append("\n\n");
        b.append("Assistant\n");
        b.append(String.format("  %,d turns in %,d chat sessions%n", r.turns(), r.sessions()));
        for (LayerFigures l : r.layers()) {
            b.append(String.format(
                    "  %-14s %,7d turns  %6s  %,6d sessions%n",
                    l.assistant(),
                    l.turns(),
                    percent(r.turns() == 0 ? 0 : (double) l.turns() / r.turns()),
                    l.sessions()));
        }
        b.append(String.format(
                "  fallback rate  %s (only the graceful fallback answered); offline %s%n%n",
                percent(r.fallbackRate()), percent(r.offlineRate())));
        b.append("AI usage\n");
        b.append(String.format("  %,d tokens (%,d in, %,d out)%n", r.totalTokens(), r.inputTokens(), r.outputTokens()));
        b.append(String.format(
                "  cost USD %s = %s (at %s per USD)%n",
                usd(r.costUsd()),
                r.costIdr().format(),
                Money.of(r.usdToIdr().setScale(0, RoundingMode.HALF_UP)).format()));
        for (ModelUsage m : r.models()) {
            b.append(String.format(
                    "  %-20s %,6d calls  %,10d tokens  USD %s%n",
                    m.model(), m.calls(), m.inputTokens() + m.outputTokens(), usd(m.costUsd())));
        }
        b.append("\nSales\n");
        b.append(String.format(
                "  assisted: %,d orders, %s (all: %,d orders, %s)%n%n",
                r.assistedOrders(),
                r.assistedRevenue().format(),
                r.allOrders(),
                r.allRevenue().format()));
        b.append("Searches that found nothing\n");
        if (r.searchMisses().isEmpty()) b.append("  none\n");
        for (SearchMiss m : r.searchMisses()) b.append(String.format("  %,5d  %s%n", m.times(), m.query()));
        return b.toString();
    }

    private static String usd(BigDecimal amount) {
        return amount.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    private static double rate(double share) {
        return BigDecimal.valueOf(share).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
