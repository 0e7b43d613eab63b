package com.shopassist.app.ui.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * The two UI languages, switchable at run time: every label binds to {@link #bind} so a switch
 * re-labels the whole window without rebuilding it. Bundles: {@code i18n/messages_en} and
 * {@code i18n/messages_id} (UTF-8).
 */
public final class I18n {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale INDONESIAN = Locale.forLanguageTag("id");
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, INDONESIAN);
    public static final String BUNDLE = "i18n.messages";

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(ENGLISH);
    // looked up by the locale at the time of reading: bindings re-read during the locale's
    // invalidation, before any change listener could have swapped a cached bundle
    private final java.util.Map<Locale, ResourceBundle> bundles = new java.util.concurrent.ConcurrentHashMap<>();

    public I18n(Locale initial) {
        locale.set(supported(initial));
    }

    private ResourceBundle bundle() {
        return bundles.computeIfAbsent(locale.get(), I18n::load);
    }

    public static ResourceBundle load(Locale locale) {
        return ResourceBundle.getBundle(
                BUNDLE,
                supported(locale),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** English unless the language is Indonesian ("id", or the legacy "in"). */
    public static Locale supported(Locale locale) {
        if (locale == null) return ENGLISH;
        String lang = locale.getLanguage();
        return "id".equals(lang) || "in".equals(lang) ? INDONESIAN : ENGLISH;
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    public boolean isIndonesian() {
        return INDONESIAN.equals(locale.get());
    }

    public void setLocale(Locale l) {
        locale.set(supported(l));
    }

    public void toggle() {
        setLocale(isIndonesian() ? ENGLISH : INDONESIAN);
    }

    /** Whether the bundles have this key (for keys built from a service's reason code). */
    public boolean has(String key) {
        return bundle().containsKey(key);
    }

    /** The text for {@code key} now; a missing key shows as the key (and a test catches it). */
    public String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle().getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.length == 0) return pattern;
        return new MessageFormat(pattern, locale.get()).format(args);
    }

    /** A binding that follows the language. */
    public StringBinding bind(String key, Object... args) {
        return Bindings.createStringBinding(() -> t(key, args), locale);
    }

    /** A binding that follows the language and a changing argument. */
    public StringBinding bind(String key, ObservableValue<?> arg) {
        return Bindings.createStringBinding(() -> t(key, arg.getValue()), locale, arg);
    }
}
