package com.shopassist.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shopassist.app.AppContext;
import com.shopassist.app.config.ConfigException;
import com.shopassist.data.db.Database;
import com.shopassist.data.info.DatabaseCounts;
import com.shopassist.data.info.DbInfoMapper;
import java.io.PrintStream;
import java.util.List;

/** {@code db migrate | db seed [--catalog-size N] [--reset] | db info [--json]}: headless database work. */
public final class DbCommand {
    private DbCommand() {}

    public static final String USAGE = """
            db migrate                          apply pending schema migrations
            db seed [--catalog-size N] [--reset] fill the demo catalog, vouchers, customers, orders
            db info [--json]                    database, schema version and row counts""";

    public static int run(AppContext ctx, List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) throw new ConfigException("db needs a subcommand: migrate, seed or info");
        ctx.setAutoSeed(false); // the db commands do exactly what they say
        String sub = args.get(0);
        List<String> rest = args.subList(1, args.size());
        return switch (sub) {
            case "migrate" -> migrate(ctx, rest, out);
            case "info" -> info(ctx, rest, out);
            case "seed" -> seed(ctx, rest, out);
            default -> throw new ConfigException("Unknown db subcommand '" + sub + "': use migrate, seed or info");
        };
    }

    private static int migrate(AppContext ctx, List<String> args, PrintStream out) {
        noMoreArgs("db migrate", args);
        Database db = ctx.database(); // opening migrates
        out.println("Database " + db.settings().safeUrl() + " is at schema version " + db.schemaVersion());
        return 0;
    }

    private static int info(AppContext ctx, List<String> args, PrintStream out) {
        boolean json = false;
        for (String a : args) {
            if (a.equals("--json")) json = true;
            else throw new ConfigException("db info: unknown option '" + a + "'");
        }
        Database db = ctx.database();
        DatabaseCounts counts = db.mapper(DbInfoMapper.class).counts();
        String version = db.schemaVersion();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode node = mapper.createObjectNode();
            node.put("database", db.settings().safeUrl());
            node.put("source", db.settings().source());
            node.put("schemaVersion", version);
            node.put("products", counts.products());
            node.put("categories", counts.categories());
            node.put("brands", counts.brands());
            node.put("vouchers", counts.vouchers());
            node.put("customers", counts.customers());
            node.put("orders", counts.orders());
            out.println(node.toString());
        } else {
            out.println("Database:       " + db.settings().safeUrl() + " ("
                    + db.settings().source() + ")");
            out.println("Schema version: " + version);
            out.println("Products:       " + counts.products());
            out.println("Categories:     " + counts.categories());
            out.println("Brands:         " + counts.brands());
            out.println("Vouchers:       " + counts.vouchers());
            out.println("Customers:      " + counts.customers());
            out.println("Orders:         " + counts.orders());
        }
        return 0;
    }

    private static int seed(AppContext ctx, List<String> args, PrintStream out) {
        throw new ConfigException("db seed is not available yet");
    }

    private static void noMoreArgs(String command, List<String> args) {
        if (!args.isEmpty()) throw new ConfigException(command + ": unexpected argument '" + args.get(0) + "'");
    }
}
