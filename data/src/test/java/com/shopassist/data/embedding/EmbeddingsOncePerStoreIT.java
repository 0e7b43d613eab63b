package com.shopassist.data.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.catalog.ProductEmbeddingRepository.ProductText;
import com.shopassist.core.catalog.ProductEmbeddingRepository.StoredVector;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Embeddings are made once per store (decision 0083): a kiosk role only reads them, and of two
 * processes that embed, one works at a time under the store-wide advisory lock.
 */
class EmbeddingsOncePerStoreIT {

    static final String MODEL = "test-model";
    static TestDatabase.Roles roles;
    static CommerceFixture fx;

    @BeforeAll
    static void up() {
        roles = TestDatabase.freshWithKiosk(4);
        fx = new CommerceFixture(roles.owner());
        long category = fx.category("Embedded", null);
        for (int i = 0; i < 5; i++) fx.product(category, "Thermos " + i, "Brand", 100_000, 5);
    }

    @AfterAll
    static void down() {
        roles.close();
    }

    @Test
    void aKioskRoleNeverEmbedsButReadsWhatTheOwnerStored() {
        try (PgProductEmbeddingRepository kiosk = new PgProductEmbeddingRepository(roles.kiosk());
                PgProductEmbeddingRepository owner = new PgProductEmbeddingRepository(roles.owner())) {
            assertThat(kiosk.missing(MODEL, 10)).isEmpty();
            assertThat(kiosk.missingCount(MODEL)).isEqualTo(5);

            List<ProductText> todo = owner.missing(MODEL, 10);
            assertThat(todo).hasSize(5);
            owner.save(MODEL, vectors(todo));

            List<StoredVector> read = new ArrayList<>();
            kiosk.forEach(MODEL, read::add);
            assertThat(read).hasSize(5);
            assertThat(kiosk.missingCount(MODEL)).isZero();
        }
    }

    @Test
    void whileOneProcessEmbedsAnotherFindsNothingToDoUntilTheBatchIsSaved() {
        String model = "race-model";
        try (PgProductEmbeddingRepository first = new PgProductEmbeddingRepository(roles.owner());
                PgProductEmbeddingRepository second = new PgProductEmbeddingRepository(roles.owner())) {
            List<ProductText> batch = first.missing(model, 2);
            assertThat(batch).hasSize(2);

            assertThat(second.missing(model, 10)).isEmpty(); // the lock is the first's

            first.save(model, vectors(batch));
            assertThat(second.missing(model, 10)).hasSize(3); // its turn now
            assertThat(first.missing(model, 10)).isEmpty();
        }
    }

    private static List<StoredVector> vectors(List<ProductText> texts) {
        return texts.stream()
                .map(t -> new StoredVector(t.productId(), new float[] {1f, 0f, (float) t.productId()}))
                .toList();
    }
}
