package com.shopassist.app.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Parent;

/**
 * Light or dark (AtlantaFX Primer), high contrast, and font size, applied on the scene root so
 * everything scales with A- / A+ (AtlantaFX sizes in em).
 */
public final class Appearance {

    public static final double BASE_FONT_PX = 14;
    public static final double MIN_SCALE = 0.85;
    public static final double MAX_SCALE = 1.6;
    public static final double STEP = 0.1;

    private final BooleanProperty dark = new SimpleBooleanProperty(false);
    private final BooleanProperty highContrast = new SimpleBooleanProperty(false);
    private final DoubleProperty fontScale = new SimpleDoubleProperty(1.0);
    private final double defaultScale;

    public Appearance(double defaultScale) {
        this.defaultScale = clamp(defaultScale);
        fontScale.set(this.defaultScale);
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public BooleanProperty highContrastProperty() {
        return highContrast;
    }

    public DoubleProperty fontScaleProperty() {
        return fontScale;
    }

    public void larger() {
        fontScale.set(clamp(Math.round((fontScale.get() + STEP) * 100) / 100.0));
    }

    public void smaller() {
        fontScale.set(clamp(Math.round((fontScale.get() - STEP) * 100) / 100.0));
    }

    public void resetFont() {
        fontScale.set(defaultScale);
    }

    public boolean canGrow() {
        return fontScale.get() < MAX_SCALE - 1e-9;
    }

    public boolean canShrink() {
        return fontScale.get() > MIN_SCALE + 1e-9;
    }

    private static double clamp(double v) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, v));
    }

    /**
     * Runs once on the FX thread while the database and assistant start: parses the theme and the
     * app's stylesheet, loads the text and icon fonts and styles a sample of the controls the window
     * uses, so building the real window afterwards finds all of that done.
     */
    public void warmUp(boolean darkTheme) {
        dark.set(darkTheme);
        Application.setUserAgentStylesheet(
                darkTheme ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        var sample = new javafx.scene.layout.VBox(
                new javafx.scene.control.Label(
                        "Rp 1.250.000",
                        new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.material2.Material2MZ.STOREFRONT)),
                new javafx.scene.control.Button(
                        "Add",
                        new org.kordamp.ikonli.javafx.FontIcon(
                                org.kordamp.ikonli.material2.Material2AL.ADD_SHOPPING_CART)),
                new javafx.scene.control.ToggleButton("Chat"),
                new javafx.scene.control.TextField("warm"),
                new javafx.scene.control.ScrollPane(new javafx.scene.layout.FlowPane()),
                new javafx.scene.control.ProgressBar(),
                new javafx.scene.control.ComboBox<String>());
        sample.getStylesheets()
                .add(MainWindow.class.getResource(MainWindow.STYLESHEET).toExternalForm());
        sample.getStyleClass().add("main-window");
        new javafx.scene.Scene(sample, 800, 600);
        sample.applyCss();
        sample.layout();
    }

    /** The root's font size for the current scale, e.g. "-fx-font-size: 16.1px;". */
    public String rootStyle() {
        return String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT_PX * fontScale.get());
    }

    /** Applies the theme (process-wide) and the root's classes and font size; re-applies on every change. */
    public void bind(Parent root) {
        Runnable apply = () -> {
            Application.setUserAgentStylesheet(
                    dark.get()
                            ? new PrimerDark().getUserAgentStylesheet()
                            : new PrimerLight().getUserAgentStylesheet());
            root.setStyle(rootStyle());
            root.getStyleClass().removeAll("dark", "light", "high-contrast");
            root.getStyleClass().add(dark.get() ? "dark" : "light");
            if (highContrast.get()) root.getStyleClass().add("high-contrast");
        };
        dark.addListener((o, a, b) -> apply.run());
        highContrast.addListener((o, a, b) -> apply.run());
        fontScale.addListener((o, a, b) -> apply.run());
        apply.run();
    }
}
