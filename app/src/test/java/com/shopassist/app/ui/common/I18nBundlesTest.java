package com.shopassist.app.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.catalog.ProductSort;
import com.shopassist.core.order.OrderStatus;
import com.shopassist.core.voucher.VoucherRejection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every key exists in English and Indonesian, every key the code uses exists, none is left over. */
class I18nBundlesTest {

    private static final Path SOURCES = Path.of("src/main/java/com/shopassist/app/ui");
    /** A string literal that looks like a message key: "cart.total", "chat.suggest.1". */
    private static final Pattern KEY = Pattern.compile("\"([a-z][a-zA-Z]*(?:\\.[a-zA-Z0-9]+)+)\"");
    /** Files that name configuration settings ("kiosk.enabled"), not messages. */
    private static final Set<String> CONFIG_FILES = Set.of("UiOptions.java");
    /** Keys built at run time from an enum or a list ("status." + status.name()). */
    private static final Set<String> DYNAMIC_PREFIXES =
            Set.of("status.", "sort.", "voucher.rejected.", "gift.recipient.", "error.code.", "error.field.");
    /** The services whose errors the shopper may see: their reason and error codes need wording. */
    private static final Path CORE = Path.of("../core/src/main/java/com/shopassist/core");
    /** new ValidationException("field", "message") or ("field", "field.rule", "message"). */
    private static final Pattern VALIDATION = Pattern.compile(
            "new ValidationException\\(\\s*\"([a-zA-Z]+)\"\\s*,\\s*(?:\"([a-zA-Z]+(?:\\.[a-zA-Z]+)+)\"\\s*,)?");
    /** An error code given to ShopException: super("CODE", ...) or new AuthenticationException("CODE", ...). */
    private static final Pattern CODE =
            Pattern.compile("(?:super|new AuthenticationException)\\(\\s*\"([A-Z_]+)\"\\s*,");

    private static Set<String> keys(Locale locale) {
        return new TreeSet<>(I18n.load(locale).keySet());
    }

    @Test
    void everyKeyExistsInBothLanguages() {
        Set<String> en = keys(I18n.ENGLISH);
        Set<String> id = keys(I18n.INDONESIAN);
        assertThat(id).as("keys missing in Indonesian").containsAll(en);
        assertThat(en).as("keys missing in English").containsAll(id);
    }

    @Test
    void noTranslationIsEmpty() {
        for (Locale l : I18n.SUPPORTED) {
            var b = I18n.load(l);
            for (String k : b.keySet())
                assertThat(b.getString(k)).as(l + " " + k).isNotBlank();
        }
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Set<String> used = usedKeys();
        assertThat(used).hasSizeGreaterThan(100);
        Set<String> en = keys(I18n.ENGLISH);
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(en);
        missing.removeIf(k -> k.equals("gift.recipient.KEY") || k.equals("i18n.messages"));
        assertThat(missing).as("keys used in code but not in the bundles").isEmpty();
    }

    @Test
    void everyKeyInTheBundlesIsUsed() throws IOException {
        Set<String> unused = keys(I18n.ENGLISH);
        unused.removeAll(usedKeys());
        unused.removeIf(k -> DYNAMIC_PREFIXES.stream().anyMatch(k::startsWith));
        assertThat(unused).as("keys nobody uses").isEmpty();
    }

    @Test
    void keysBuiltFromEnumsExistForEveryValue() {
        Set<String> en = keys(I18n.ENGLISH);
        for (OrderStatus s : OrderStatus.values()) assertThat(en).contains("status." + s.name());
        for (ProductSort s : ProductSort.values()) assertThat(en).contains("sort." + s.name());
        for (VoucherRejection r : VoucherRejection.values()) assertThat(en).contains("voucher.rejected." + r.name());
        for (String r : com.shopassist.app.ui.catalog.GiftFinderViewModel.RECIPIENTS) {
            assertThat(en).contains("gift.recipient." + r);
        }
    }

    @Test
    void everyInputRuleAndErrorCodeOfTheServicesHasATextInBothLanguages() throws IOException {
        Set<String> reasons = new TreeSet<>();
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(CORE)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String src = Files.readString(p);
                Matcher v = VALIDATION.matcher(src);
                while (v.find()) reasons.add(v.group(2) != null ? v.group(2) : v.group(1));
                Matcher c = CODE.matcher(src);
                while (c.find()) codes.add(c.group(1));
            }
        }
        // the scan must see the rules it is about, or it proves nothing
        assertThat(reasons).contains("email", "email.taken", "password.short", "label.taken", "quantity");
        assertThat(codes)
                .contains("VALIDATION", "NOT_FOUND", "BAD_CREDENTIALS", "SIGN_IN_THROTTLED", "INVALID_TRANSITION");
        for (Locale l : I18n.SUPPORTED) {
            Set<String> keys = keys(l);
            for (String r : reasons)
                assertThat(keys).as(l + " text for rule " + r).contains("error.field." + r);
            for (String c : codes)
                assertThat(keys).as(l + " text for code " + c).contains(Feedback.codeKey(c));
        }
    }

    @Test
    void switchingLanguageRelabelsBoundText() {
        I18n i18n = new I18n(Locale.ENGLISH);
        // bound like a Label's text with a listener, so it is re-read the moment the locale changes
        var label = new javafx.beans.property.SimpleStringProperty();
        label.bind(i18n.bind("cart.checkout"));
        label.addListener((o, a, b) -> {});
        assertThat(label.get()).isEqualTo("Checkout");
        i18n.toggle();
        assertThat(label.get()).isEqualTo("Bayar");
        assertThat(i18n.t("badge.low", 3)).isEqualTo("Sisa 3");
        i18n.setLocale(Locale.forLanguageTag("fr"));
        assertThat(i18n.locale()).isEqualTo(I18n.ENGLISH);
    }

    private static Set<String> usedKeys() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !CONFIG_FILES.contains(f.getFileName().toString()))
                    .toList()) {
                Matcher m = KEY.matcher(Files.readString(p));
                while (m.find()) used.add(m.group(1));
            }
        }
        used.remove("i18n.messages");
        return used;
    }
}
