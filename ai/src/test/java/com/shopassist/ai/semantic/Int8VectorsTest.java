package com.shopassist.ai.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Int8VectorsTest {

    static float[] random(Random rnd, int dims) {
        float[] v = new float[dims];
        for (int i = 0; i < dims; i++) v[i] = (float) rnd.nextGaussian();
        return v;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void theCosineOfTheCodesIsWithinAHundredthOfTheFloatCosine() {
        Random rnd = new Random(3);
        Int8Vectors store = new Int8Vectors(0);
        float[][] rows = new float[200][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = random(rnd, 384);
            store.put(i + 1, rows[i]);
        }
        for (int q = 0; q < 20; q++) {
            float[] query = random(rnd, 384);
            Int8Vectors.Query codes = Int8Vectors.Query.of(query);
            for (int row = 0; row < rows.length; row++) {
                assertThat((double) Int8Vectors.cosine(store.view(), codes, row))
                        .isCloseTo(cosine(query, rows[row]), within(0.01));
            }
        }
    }

    @Test
    void theNearestComeBestFirstWithTheirCosine() {
        Random rnd = new Random(5);
        Int8Vectors store = new Int8Vectors(4);
        float[] target = random(rnd, 64);
        for (int i = 1; i <= 50; i++) store.put(i, random(rnd, 64));
        // product 99 is the query itself, 98 the query with a little noise
        float[] near = target.clone();
        for (int i = 0; i < near.length; i++) near[i] += (float) (rnd.nextGaussian() * 0.2);
        store.put(98, near);
        store.put(99, target);
        List<SemanticSearch.Hit> hits = Int8Vectors.nearest(store.view(), Int8Vectors.Query.of(target), 3);
        assertThat(hits).extracting(SemanticSearch.Hit::productId).startsWith(99L, 98L);
        assertThat(hits.get(0).score()).isCloseTo(1.0, within(0.01));
        assertThat(hits.get(1).score()).isGreaterThan(hits.get(2).score());
    }

    @Test
    void aReplacedVectorKeepsItsRowAndAScaledCopyIsTheSameVector() {
        Int8Vectors store = new Int8Vectors(2);
        store.put(7, new float[] {1, 0, 0});
        store.put(8, new float[] {0, 1, 0});
        store.put(7, new float[] {0, 0, 5}); // the product's text changed
        assertThat(store.size()).isEqualTo(2);
        var top = Int8Vectors.nearest(store.view(), Int8Vectors.Query.of(new float[] {0, 0, 1}), 1);
        assertThat(top.get(0).productId()).isEqualTo(7L);
        assertThat(top.get(0).score()).isCloseTo(1.0, within(1e-3));
    }

    @Test
    void aViewTakenBeforeTheArraysGrowStillReadsItsRows() {
        Int8Vectors store = new Int8Vectors(1);
        store.put(1, new float[] {1, 0});
        Int8Vectors.View before = store.view();
        for (int i = 2; i <= 100; i++) store.put(i, new float[] {0, 1});
        assertThat(before.size()).isEqualTo(1);
        assertThat(Int8Vectors.nearest(before, Int8Vectors.Query.of(new float[] {1, 0}), 5))
                .extracting(SemanticSearch.Hit::productId)
                .containsExactly(1L);
        assertThat(store.size()).isEqualTo(100);
    }

    @Test
    void aZeroVectorScoresZeroAndAnotherLengthIsIgnored() {
        Int8Vectors store = new Int8Vectors(0);
        store.put(1, new float[] {1, 0, 0});
        store.put(2, new float[] {1, 0}); // another model's length: ignored
        store.put(3, new float[] {0, 0, 0});
        assertThat(store.size()).isEqualTo(2);
        var hits = Int8Vectors.nearest(store.view(), Int8Vectors.Query.of(new float[] {1, 0, 0}), 5);
        assertThat(hits.get(0).productId()).isEqualTo(1L);
        assertThat(hits.get(1).score()).isZero();
        assertThat(Int8Vectors.nearest(store.view(), Int8Vectors.Query.of(new float[] {1, 0}), 5))
                .isEmpty();
    }

    @Test
    void aQuarterOfTheFloatMemory() {
        Int8Vectors store = new Int8Vectors(1000);
        Random rnd = new Random(1);
        for (int i = 1; i <= 1000; i++) store.put(i, random(rnd, 384));
        // 384 codes + a 4-byte scale + an 8-byte id per product, against 1,536 + 8 for float32
        assertThat(store.view().bytes()).isLessThan(1000L * (384 + 12) + 1);
    }

    @Test
    void theRowMapFindsEveryIdAfterGrowing() {
        LongIntMap map = new LongIntMap();
        for (int i = 0; i < 10_000; i++) map.put(1_000_000L + i * 7L, i);
        assertThat(map.size()).isEqualTo(10_000);
        for (int i = 0; i < 10_000; i++)
            assertThat(map.get(1_000_000L + i * 7L)).isEqualTo(i);
        assertThat(map.get(3)).isEqualTo(-1);
        map.put(1_000_000L, 42);
        assertThat(map.get(1_000_000L)).isEqualTo(42);
        assertThat(map.size()).isEqualTo(10_000);
    }
}
