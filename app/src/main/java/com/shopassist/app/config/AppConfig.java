package com.shopassist.app.config;

import com.shopassist.data.db.DbSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Resolved configuration. For the database each of URL, user and password is taken from the
 * command line, else the environment ({@code SHOPASSIST_DB_URL}, {@code _USER},
 * {@code _PASSWORD}), else the config file ({@code db.url}, {@code db.user}, {@code db.password});
 * no URL anywhere means the embedded database in the data folder. Any other setting is read with
 * {@link #setting(String, String, String)}: environment variable, else config file key, else the
 * default.
 *
 * <p>The config file is {@code --config FILE}, else {@code SHOPASSIST_CONFIG}, else
 * {@code shopassist.properties} in the data folder when it exists. The data folder is
 * {@code --data-dir}, else {@code SHOPASSIST_DATA_DIR}, else {@code data.dir} in the config file,
 * else the platform's per-user data folder (see {@link #defaultDataDir}).
 */
public final class AppConfig {

    public static final String CONFIG_FILE_NAME = "shopassist.properties";

    private final GlobalOptions options;
    private final Map<String, String> env;
    private final Properties file;
    private final Path configFile;
    private final Path dataDir;

    private AppConfig(GlobalOptions options, Map<String, String> env, Properties file, Path configFile, Path dataDir) {
        this.options = options;
        this.env = Map.copyOf(env);
        this.file = file;
        this.configFile = configFile;
        this.dataDir = dataDir;
    }

    /** Resolves the options against an environment (the process's, or a test's). */
    public static AppConfig resolve(GlobalOptions options, Map<String, String> env) {
        Path preliminaryDataDir = firstNonNull(
                options.dataDir(), pathOrNull(nonBlank(env.get("SHOPASSIST_DATA_DIR"))), defaultDataDir(env));
        Path configFile = options.configFile();
        if (configFile == null && nonBlank(env.get("SHOPASSIST_CONFIG")) != null) {
            configFile = Path.of(env.get("SHOPASSIST_CONFIG"));
        }
        if (configFile == null) {
            Path candidate = preliminaryDataDir.resolve(CONFIG_FILE_NAME);
            if (Files.isRegularFile(candidate)) configFile = candidate;
        }
        Properties props = new Properties();
        if (configFile != null) {
            if (!Files.isRegularFile(configFile)) {
                throw new ConfigException("Config file not found: " + configFile);
            }
            try (Reader r = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException("Cannot read config file " + configFile + ": " + e.getMessage());
            }
        }
        Path dataDir = firstNonNull(
                options.dataDir(),
                pathOrNull(nonBlank(env.get("SHOPASSIST_DATA_DIR"))),
                pathOrNull(nonBlank(props.getProperty("data.dir"))),
                defaultDataDir(env));
        return new AppConfig(
                options, env, props, configFile, dataDir.toAbsolutePath().normalize());
    }

    /**
     * Settings from these environment variables only: no command line, no config file (a wiring
     * over a database its caller opened, as the tests do).
     */
    public static AppConfig of(Map<String, String> env, Path dataDir) {
        return new AppConfig(GlobalOptions.parse(java.util.List.of()), env, new Properties(), null, dataDir);
    }

    /** The same configuration with one environment variable set (over the process's). */
    public AppConfig with(String envVar, String value) {
        Map<String, String> changed = new java.util.HashMap<>(env);
        changed.put(envVar, value);
        return new AppConfig(options, changed, file, configFile, dataDir);
    }

    /**
     * Where ShopAssist keeps its data (embedded database, logs, caches): Windows
     * {@code %LOCALAPPDATA%\ShopAssist}, macOS {@code ~/Library/Application Support/ShopAssist},
     * elsewhere {@code $XDG_DATA_HOME/shopassist} or {@code ~/.local/share/shopassist}.
     */
    public static Path defaultDataDir(Map<String, String> env) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.startsWith("windows")) {
            String local = nonBlank(env.get("LOCALAPPDATA"));
            return (local != null ? Path.of(local) : home.resolve("AppData").resolve("Local")).resolve("ShopAssist");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("ShopAssist");
        }
        String xdg = nonBlank(env.get("XDG_DATA_HOME"));
        return (xdg != null ? Path.of(xdg) : home.resolve(".local").resolve("share")).resolve("shopassist");
    }

    /**
     * A setting: the environment variable {@code envVar} (may be null for none), else the config
     * file's {@code key}, else {@code defaultValue}. Blank values count as absent.
     */
    public String setting(String key, String envVar, String defaultValue) {
        if (envVar != null) {
            String fromEnv = nonBlank(env.get(envVar));
            if (fromEnv != null) return fromEnv;
        }
        String fromFile = nonBlank(file.getProperty(key));
        return fromFile != null ? fromFile.trim() : defaultValue;
    }

    /** An integer setting; a value that is not a number is a configuration error naming the key. */
    public int intSetting(String key, String envVar, int defaultValue) {
        String value = setting(key, envVar, null);
        if (value == null) return defaultValue;
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("Setting " + key + " must be a whole number, not '" + value + "'");
        }
    }

    /** The store's database when one is configured; empty means the embedded default. */
    public Optional<DbSettings> externalDatabase() {
        String url = options.dbUrl();
        String source = "command line";
        if (url == null && nonBlank(env.get("SHOPASSIST_DB_URL")) != null) {
            url = env.get("SHOPASSIST_DB_URL");
            source = "environment";
        }
        if (url == null && nonBlank(file.getProperty("db.url")) != null) {
            url = file.getProperty("db.url").trim();
            source = "config file";
        }
        if (url == null) return Optional.empty();
        String user = firstNonNull(
                options.dbUser(), nonBlank(env.get("SHOPASSIST_DB_USER")), nonBlank(file.getProperty("db.user")));
        String password = firstNonNull(
                options.dbPassword(),
                nonBlank(env.get("SHOPASSIST_DB_PASSWORD")),
                nonBlank(file.getProperty("db.password")));
        // sslmode=require (encrypted, the server not checked) is accepted only when the store says so
        boolean allowUnverifiedTls = "true"
                .equalsIgnoreCase(setting("db.allow-unverified-tls", "SHOPASSIST_DB_ALLOW_UNVERIFIED_TLS", "false")
                        .strip());
        return Optional.of(new DbSettings(url.trim(), user, password, source, allowUnverifiedTls));
    }

    /**
     * The store database's read replica when one is configured (decision 0086): {@code --db-read-url},
     * else {@code SHOPASSIST_DB_READ_URL}, else {@code db.read-url}; its user and password likewise
     * ({@code db.read-user}, {@code db.read-password}), each else the store database's own (a
     * streaming replica has the primary's roles). Empty without a store database: the embedded one
     * has no replica.
     */
    public Optional<DbSettings> readReplica() {
        Optional<DbSettings> primary = externalDatabase();
        String url = options.dbReadUrl();
        String source = "command line";
        if (url == null && nonBlank(env.get("SHOPASSIST_DB_READ_URL")) != null) {
            url = env.get("SHOPASSIST_DB_READ_URL");
            source = "environment";
        }
        if (url == null && nonBlank(file.getProperty("db.read-url")) != null) {
            url = file.getProperty("db.read-url").trim();
            source = "config file";
        }
        if (url == null || primary.isEmpty()) return Optional.empty();
        String user = firstNonNull(
                options.dbReadUser(),
                nonBlank(env.get("SHOPASSIST_DB_READ_USER")),
                nonBlank(file.getProperty("db.read-user")),
                primary.get().user());
        String password = firstNonNull(
                options.dbReadPassword(),
                nonBlank(env.get("SHOPASSIST_DB_READ_PASSWORD")),
                nonBlank(file.getProperty("db.read-password")),
                primary.get().password());
        return Optional.of(
                new DbSettings(url.trim(), user, password, source, primary.get().allowUnverifiedTls()));
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * This kiosk's one id ({@link KioskId}), named by its log lines, meters, AI spend, stock holds and
     * replayed cart changes: {@code kiosk.id} / {@code SHOPASSIST_KIOSK_ID}, checked, else the one
     * kept in {@code kiosk-id} in the data folder, made there at the first start. The log setup reads
     * it before the wiring exists, and the wiring reads the same.
     *
     * @throws ConfigException for a configured id that is not 1-64 letters, digits, '.', '_' or '-'
     */
    public String kioskId() {
        return KioskId.resolve(setting("kiosk.id", "SHOPASSIST_KIOSK_ID", null), dataDir, this::hostName);
    }

    /** {@code kiosk.id} when it is configured (checked), else empty; reads nothing in the data folder. */
    public Optional<String> configuredKioskId() {
        return KioskId.configured(setting("kiosk.id", "SHOPASSIST_KIOSK_ID", null));
    }

    /**
     * {@code kiosk.name} / {@code SHOPASSIST_KIOSK_NAME}: how clerks see this kiosk on a call, a name
     * for people apart from its id ({@link #kioskId()}); default the host name.
     */
    public String kioskName() {
        String name = setting("kiosk.name", "SHOPASSIST_KIOSK_NAME", null);
        if (name != null && !name.isBlank()) return name.strip();
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            return "kiosk";
        }
    }

    /**
     * The machine's name, or null. Asked only when a kiosk id is made (the first start), so the name
     * lookup of the last resort, which can stall for seconds, happens at most once per data folder.
     */
    private String hostName() {
        String name = firstNonNull(nonBlank(env.get("HOSTNAME")), nonBlank(env.get("COMPUTERNAME")));
        try {
            if (name == null && Files.isRegularFile(Path.of("/etc/hostname"))) {
                name = nonBlank(Files.readString(Path.of("/etc/hostname")).strip());
            }
            if (name == null) name = java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return name == null || name.strip().toLowerCase(Locale.ROOT).startsWith("localhost") ? null : name;
    }

    public Optional<Path> configFile() {
        return Optional.ofNullable(configFile);
    }

    public boolean verbose() {
        return options.verbose();
    }

    public GlobalOptions options() {
        return options;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) if (v != null) return v;
        return null;
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Path pathOrNull(String s) {
        return s == null ? null : Path.of(s);
    }
}
