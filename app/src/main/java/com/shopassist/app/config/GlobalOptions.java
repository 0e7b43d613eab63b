package com.shopassist.app.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options every command understands, taken out of the argument list wherever they stand
 * ({@code --db-url X} or {@code --db-url=X}). What is left ({@link #rest()}) is the command and
 * its own arguments.
 */
public record GlobalOptions(
        String dbUrl,
        String dbUser,
        String dbPassword,
        String dbReadUrl,
        String dbReadUser,
        String dbReadPassword,
        Path configFile,
        Path dataDir,
        boolean verbose,
        boolean help,
        List<String> rest) {

    public static final List<String> VALUE_OPTIONS = List.of(
            "--db-url",
            "--db-user",
            "--db-password",
            "--db-read-url",
            "--db-read-user",
            "--db-read-password",
            "--config",
            "--data-dir");

    public GlobalOptions {
        rest = List.copyOf(rest);
    }

    public static GlobalOptions parse(List<String> args) {
        String dbUrl = null, dbUser = null, dbPassword = null;
        String dbReadUrl = null, dbReadUser = null, dbReadPassword = null;
        Path config = null, dataDir = null;
        boolean verbose = false, help = false;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (VALUE_OPTIONS.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) throw new ConfigException(name + " needs a value");
                    value = args.get(++i);
                }
                switch (name) {
                    case "--db-url" -> dbUrl = value;
                    case "--db-user" -> dbUser = value;
                    case "--db-password" -> dbPassword = value;
                    case "--db-read-url" -> dbReadUrl = value;
                    case "--db-read-user" -> dbReadUser = value;
                    case "--db-read-password" -> dbReadPassword = value;
                    case "--config" -> config = Path.of(value);
                    case "--data-dir" -> dataDir = Path.of(value);
                    default -> throw new IllegalStateException(name);
                }
            } else if (arg.equals("--verbose") || arg.equals("-v")) {
                verbose = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else {
                rest.add(arg);
            }
        }
        return new GlobalOptions(
                dbUrl, dbUser, dbPassword, dbReadUrl, dbReadUser, dbReadPassword, config, dataDir, verbose, help, rest);
    }

    @Override
    public String toString() {
        return "GlobalOptions[dbUrl=" + dbUrl + ", dbUser=" + dbUser + ", dbPassword="
                + (dbPassword == null ? null : "***") + ", dbReadUrl=" + dbReadUrl + ", dbReadUser=" + dbReadUser
                + ", dbReadPassword=" + (dbReadPassword == null ? null : "***") + ", config=" + configFile
                + ", dataDir=" + dataDir
                + ", verbose=" + verbose + ", rest=" + rest + "]";
    }
}
