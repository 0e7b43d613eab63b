package com.shopassist.app.ui.common;

import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A product picture, or a tidy placeholder when there is none (or it fails to load): a soft tile
 * in a colour picked from the category, with the category's icon and the brand's initial.
 */
public final class ProductImage extends StackPane {

    private static final String[] TINTS = {"tint-0", "tint-1", "tint-2", "tint-3", "tint-4", "tint-5"};

    /**
     * Where this kiosk keeps pictures on its own disk (decision 0092): a local URL for a reference,
     * or empty, in which case the source may fetch it in the background for the next time. Never
     * waits on the network.
     */
    public interface Pictures {
        Optional<String> localUrl(String ref);
    }

    private static volatile Pictures pictures = ref -> Optional.empty();

    /** Set once by the composition root: the picture cache in the data folder. */
    public static void use(Pictures source) {
        pictures = java.util.Objects.requireNonNull(source, "source");
    }

    public ProductImage(String imageRef, String category, String brand, double width, double height) {
        getStyleClass().add("product-image");
        setMinSize(width, height);
        setPrefSize(width, height);
        setMaxSize(width, height);
        Rectangle clip = new Rectangle(width, height);
        clip.setArcWidth(16);
        clip.setArcHeight(16);
        setClip(clip);
        showPlaceholder(category, brand, Math.min(width, height));
        String url = resolve(imageRef);
        if (url != null) {
            Image img = new Image(url, width, height, true, true, true);
            img.progressProperty().addListener((o, a, done) -> {
                if (done.doubleValue() >= 1.0 && !img.isError()) {
                    ImageView view = new ImageView(img);
                    getChildren().setAll(view);
                    getStyleClass().add("has-image");
                }
            });
        }
    }

    private void showPlaceholder(String category, String brand, double size) {
        String key = category == null ? "" : category;
        getStyleClass().add(TINTS[Math.floorMod(key.hashCode(), TINTS.length)]);
        FontIcon icon = new FontIcon(iconFor(key));
        icon.getStyleClass().add(size >= 200 ? "icon-72" : size >= 100 ? "icon-40" : "icon-22");
        icon.getStyleClass().add("placeholder-icon");
        javafx.scene.control.Label initial = new javafx.scene.control.Label(
                brand == null || brand.isBlank()
                        ? ""
                        : brand.strip().substring(0, 1).toUpperCase(java.util.Locale.ROOT));
        initial.getStyleClass().add("placeholder-initial");
        StackPane.setAlignment(initial, Pos.BOTTOM_RIGHT);
        initial.setVisible(size >= 60);
        getChildren().setAll(icon, initial);
    }

    /**
     * Only what is on this computer: the app's own resources, the picture cache (which copied URLs
     * and a store's share), a readable local file. A kiosk must not wait on the network for a picture.
     */
    static String resolve(String ref) {
        if (ref == null || ref.isBlank()) return null;
        if (ref.startsWith("jar:")) return ref;
        if (!ref.startsWith("file:") && !ref.contains("://")) {
            var res = ProductImage.class.getResource(ref.startsWith("/") ? ref : "/" + ref);
            if (res != null) return res.toExternalForm();
        }
        Optional<String> kept = pictures.localUrl(ref);
        if (kept.isPresent()) return kept.get();
        if (ref.startsWith("file:")) return ref;
        if (ref.contains("://")) return null; // fetched in the background: the placeholder now
        try {
            java.nio.file.Path p = java.nio.file.Path.of(ref);
            return p.isAbsolute() && java.nio.file.Files.isReadable(p)
                    ? p.toUri().toString()
                    : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static org.kordamp.ikonli.Ikon iconFor(String category) {
        String c = category.toLowerCase(java.util.Locale.ROOT);
        if (c.contains("foot") || c.contains("shoe") || c.contains("sepatu")) return Material2AL.DIRECTIONS_RUN;
        if (c.contains("sport") || c.contains("outdoor")) return Material2AL.FITNESS_CENTER;
        if (c.contains("audio") || c.contains("headphone")) return Material2AL.HEADSET;
        if (c.contains("phone") || c.contains("tablet")) return Material2MZ.SMARTPHONE;
        if (c.contains("laptop") || c.contains("computer")) return Material2AL.LAPTOP;
        if (c.contains("tv") || c.contains("entertainment")) return Material2MZ.TV;
        if (c.contains("kitchen") || c.contains("dining")) return Material2AL.LOCAL_DINING;
        if (c.contains("appliance")) return Material2AL.KITCHEN;
        if (c.contains("furniture") || c.contains("decor")) return Material2MZ.WEEKEND;
        if (c.contains("beauty") || c.contains("personal")) return Material2AL.FACE;
        if (c.contains("health") || c.contains("wellness")) return Material2AL.HEALING;
        if (c.contains("book") || c.contains("stationery")) return Material2MZ.MENU_BOOK;
        if (c.contains("toy") || c.contains("kid") || c.contains("baby")) return Material2MZ.TOYS;
        if (c.contains("grocer") || c.contains("beverage") || c.contains("food"))
            return Material2AL.LOCAL_GROCERY_STORE;
        if (c.contains("pet")) return Material2MZ.PETS;
        if (c.contains("auto") || c.contains("car")) return Material2AL.DIRECTIONS_CAR;
        if (c.contains("watch")) return Material2MZ.WATCH;
        if (c.contains("fashion") || c.contains("cloth") || c.contains("apparel")) return Material2AL.CHECKROOM;
        return Material2MZ.SHOPPING_BAG;
    }
}
