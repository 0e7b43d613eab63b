package com.shopassist.app.ui;

import com.shopassist.app.ui.kiosk.KioskSettings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How the window starts. From the command line ({@code --kiosk}, {@code --lang=id}, {@code --dark},
 * {@code --high-contrast}, {@code --font-scale=1.2}, {@code --idle-seconds=180},
 * {@code --measure-startup}), over the settings ({@code kiosk.enabled}, {@code kiosk.idle-seconds},
 * {@code kiosk.countdown-seconds}, {@code kiosk.scan-pattern}, {@code ui.language}, {@code
 * ui.theme}), over the defaults.
 *
 * @param measureStartup log the time from JVM start to an interactive chat and the resident memory
 * @param exitAfterStartup with measureStartup: close the window a few seconds after (for scripts)
 */
public record UiOptions(
        KioskSettings kiosk,
        Locale locale,
        boolean dark,
        boolean highContrast,
        double fontScale,
        boolean measureStartup,
        boolean exitAfterStartup) {

    public static UiOptions defaults() {
        return new UiOptions(KioskSettings.desktop(), Locale.ENGLISH, false, false, 1.0, false, false);
    }

    /** Command-line flags over {@code base}; unknown flags are left for others. */
    public static UiOptions parse(List<String> args, UiOptions base) {
        UiOptions o = base;
        for (String arg : args) {
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--kiosk" -> o = o.withKiosk(o.kiosk.withEnabled(value == null || Boolean.parseBoolean(value)));
                case "--lang", "--language" ->
                    o = o.withLocale(value == null ? Locale.ENGLISH : Locale.forLanguageTag(value));
                case "--dark" ->
                    o = new UiOptions(
                            o.kiosk, o.locale, true, o.highContrast, o.fontScale, o.measureStartup, o.exitAfterStartup);
                case "--high-contrast" ->
                    o = new UiOptions(
                            o.kiosk, o.locale, o.dark, true, o.fontScale, o.measureStartup, o.exitAfterStartup);
                case "--font-scale" ->
                    o = new UiOptions(
                            o.kiosk,
                            o.locale,
                            o.dark,
                            o.highContrast,
                            parseDouble(value, o.fontScale),
                            o.measureStartup,
                            o.exitAfterStartup);
                case "--idle-seconds" ->
                    o = o.withKiosk(o.kiosk.withIdle(
                            Duration.ofSeconds(
                                    parseLong(value, o.kiosk.idleTimeout().toSeconds())),
                            o.kiosk.countdown()));
                case "--measure-startup" ->
                    o = new UiOptions(
                            o.kiosk, o.locale, o.dark, o.highContrast, o.fontScale, true, "exit".equals(value));
                default -> {
                    // not ours
                }
            }
        }
        return o;
    }

    /** Settings as the app reads them: environment variable, else config file, else default. */
    public interface Settings {
        String get(String key, String envVar, String defaultValue);
    }

    public static UiOptions fromSettings(Settings s) {
        boolean kiosk = Boolean.parseBoolean(s.get("kiosk.enabled", "SHOPASSIST_KIOSK", "false"));
        long idle = parseLong(s.get("kiosk.idle-seconds", "SHOPASSIST_KIOSK_IDLE_SECONDS", "180"), 180);
        long countdown = parseLong(s.get("kiosk.countdown-seconds", "SHOPASSIST_KIOSK_COUNTDOWN_SECONDS", "15"), 15);
        Locale locale = Locale.forLanguageTag(s.get("ui.language", "SHOPASSIST_LANGUAGE", "en"));
        boolean dark = "dark".equalsIgnoreCase(s.get("ui.theme", "SHOPASSIST_THEME", "light"));
        KioskSettings ks = new KioskSettings(
                kiosk,
                Duration.ofSeconds(idle),
                Duration.ofSeconds(countdown),
                50,
                scanPattern(s.get("kiosk.scan-pattern", "SHOPASSIST_KIOSK_SCAN_PATTERN", null)));
        return new UiOptions(ks, locale, dark, false, 1.0, false, false);
    }

    /**
     * The store's own barcodes besides GTINs (a regular expression the whole code must match); a
     * pattern that does not compile stops the start with a message naming the setting.
     */
    static java.util.regex.Pattern scanPattern(String regex) {
        if (regex == null || regex.isBlank()) return null;
        try {
            return java.util.regex.Pattern.compile(regex.strip());
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new com.shopassist.app.config.ConfigException(
                    "kiosk.scan-pattern (SHOPASSIST_KIOSK_SCAN_PATTERN) is not a valid pattern: " + e.getDescription());
        }
    }

    public UiOptions withKiosk(KioskSettings k) {
        return new UiOptions(k, locale, dark, highContrast, fontScale, measureStartup, exitAfterStartup);
    }

    public UiOptions withLocale(Locale l) {
        return new UiOptions(kiosk, l, dark, highContrast, fontScale, measureStartup, exitAfterStartup);
    }

    /** Kiosks start with larger text: shoppers stand an arm's length from the screen. */
    public double effectiveFontScale() {
        return kiosk.enabled() && fontScale == 1.0 ? 1.15 : fontScale;
    }

    private static double parseDouble(String v, double fallback) {
        try {
            return v == null ? fallback : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static long parseLong(String v, long fallback) {
        try {
            return v == null ? fallback : Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
