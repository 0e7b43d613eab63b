package com.shopassist.app.ui;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javafx.css.Stylesheet;

/**
 * Build step (app/pom.xml, process-test-classes): writes the AtlantaFX themes the app uses as
 * JavaFX binary stylesheets beside their CSS on the class path ({@code primer-light.bss} next to
 * {@code primer-light.css}). JavaFX loads a {@code .bss} it finds there instead of parsing the
 * CSS, which saves a cold start about 0.3 s of CPU on the FX thread (decision 0042). Generated at
 * every build from the theme jar in use, so it cannot go stale against it.
 */
public final class BinaryStylesheets {

    /** The theme stylesheets the app sets (light and dark; high contrast is the app's own CSS). */
    public static final List<String> THEMES =
            List.of("/atlantafx/base/theme/primer-light.css", "/atlantafx/base/theme/primer-dark.css");

    private BinaryStylesheets() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        for (String css : THEMES) {
            URL source = BinaryStylesheets.class.getResource(css);
            if (source == null) throw new IllegalStateException(css + " is not on the class path");
            Path copy = Files.createTempFile("theme", ".css");
            try (InputStream in = source.openStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            Path target = out.resolve(css.substring(1, css.length() - ".css".length()) + ".bss");
            Files.createDirectories(target.getParent());
            Stylesheet.convertToBinary(copy.toFile(), target.toFile());
            Files.delete(copy);
            System.out.println("binary stylesheet " + target);
        }
    }
}
