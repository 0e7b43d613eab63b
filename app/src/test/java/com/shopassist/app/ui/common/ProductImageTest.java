package com.shopassist.app.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where a product picture is read from: this computer only, the picture cache first. */
class ProductImageTest {

    @AfterEach
    void noCache() {
        ProductImage.use(ref -> Optional.empty());
    }

    @Test
    void aPictureKeptOnThisDiskIsShownFromThereAndOneNotKeptYetShowsThePlaceholder() {
        ProductImage.use(ref -> ref.endsWith("kept.png") ? Optional.of("file:/data/images/ab.img") : Optional.empty());

        assertThat(ProductImage.resolve("https://cdn.example.com/kept.png")).isEqualTo("file:/data/images/ab.img");
        assertThat(ProductImage.resolve("https://cdn.example.com/new.png")).isNull();
        assertThat(ProductImage.resolve("/mnt/share/kept.png")).isEqualTo("file:/data/images/ab.img");
        assertThat(ProductImage.resolve("/mnt/share/not-there.png")).isNull();
        assertThat(ProductImage.resolve(" ")).isNull();
    }
}
