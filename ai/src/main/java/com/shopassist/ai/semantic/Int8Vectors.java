package com.shopassist.ai.semantic;

import java.util.Arrays;

/**
 * Unit vectors kept as one signed byte per dimension and one float scale per vector: symmetric
 * quantisation, {@code code = round(x / max|x| * 127)}. A quarter of the memory of float32 (384
 * bytes a product instead of 1,536: 38 MB at 100,000 products instead of 154 MB), and a scan that
 * reads a quarter of the bytes. The cosine it gives differs from float32's by about 0.002, which
 * changes the order of neighbours only where they were all but tied (recall@10 against float32 is
 * printed by {@code SemanticVectorsBenchmark}; decision 0076).
 *
 * <p>Rows are appended into arrays with spare room. Readers take a {@link View} (a fixed size over
 * the current arrays) and scan it without locks; the single writer appends past every view's size
 * or, when the arrays are full, into new ones. A row replaced in place (a product whose text
 * changed) is seen old or new by a scan already running, either of which is right.
 */
final class Int8Vectors {

    /** What a scan reads: rows {@code 0..size-1} of the arrays. */
    record View(long[] ids, byte[] codes, float[] scales, int size, int dims) {

        static View empty() {
            return new View(new long[0], new byte[0], new float[0], 0, 0);
        }

        /** Bytes held for the vectors (codes, scales, ids), capacity included. */
        long bytes() {
            return codes.length + 4L * scales.length + 8L * ids.length;
        }
    }

    private final LongIntMap rows = new LongIntMap();
    private long[] ids;
    private byte[] codes;
    private float[] scales;
    private int dims;
    private volatile View view = View.empty();

    /** @param expected how many vectors to make room for at once (the stored count, if known) */
    Int8Vectors(int expected) {
        int capacity = Math.max(16, expected);
        ids = new long[capacity];
        scales = new float[capacity];
        codes = new byte[0]; // sized when the first vector gives the dimensions
    }

    View view() {
        return view;
    }

    int size() {
        return view.size();
    }

    /**
     * Adds or replaces the vector of {@code productId} (any length; normalised here). A vector
     * whose length differs from the first one's is ignored: vectors of one model only.
     */
    void put(long productId, float[] vector) {
        if (vector.length == 0) return;
        if (dims == 0) {
            dims = vector.length;
            codes = new byte[ids.length * dims];
        }
        if (vector.length != dims) return;
        int row = rows.get(productId);
        if (row < 0) {
            row = view.size();
            ensureRoom(row + 1);
            ids[row] = productId;
            rows.put(productId, row);
            encode(vector, codes, row * dims, scales, row);
            view = new View(ids, codes, scales, row + 1, dims);
        } else {
            encode(vector, codes, row * dims, scales, row);
        }
    }

    private void ensureRoom(int rowsNeeded) {
        if (rowsNeeded <= ids.length) return;
        int capacity = Math.max(rowsNeeded, ids.length + (ids.length >> 1));
        // new arrays: a reader scanning the old ones keeps them until it is done
        ids = Arrays.copyOf(ids, capacity);
        scales = Arrays.copyOf(scales, capacity);
        codes = Arrays.copyOf(codes, capacity * dims);
    }

    /** Normalises {@code v} and writes its codes at {@code off} and its scale at {@code row}. */
    static void encode(float[] v, byte[] codes, int off, float[] scales, int row) {
        double sum = 0;
        for (float f : v) sum += (double) f * f;
        double norm = Math.sqrt(sum);
        double max = 0;
        for (float f : v) max = Math.max(max, Math.abs(f));
        if (norm == 0 || max == 0) {
            Arrays.fill(codes, off, off + v.length, (byte) 0);
            scales[row] = 0f;
            return;
        }
        double step = max / 127.0; // one code step, before normalising
        for (int i = 0; i < v.length; i++) codes[off + i] = (byte) Math.round(v[i] / step);
        scales[row] = (float) (step / norm);
    }

    /** The query as codes and one scale, the same scheme as the rows. */
    record Query(byte[] codes, float scale) {
        static Query of(float[] v) {
            byte[] c = new byte[v.length];
            float[] s = new float[1];
            encode(v, c, 0, s, 0);
            return new Query(c, s[0]);
        }
    }

    /** Cosine of the query with row {@code row} of {@code v}. */
    static float cosine(View v, Query q, int row) {
        return dot(q.codes(), v.codes(), row * v.dims(), v.dims()) * q.scale() * v.scales()[row];
    }

    /** Integer dot product of the query codes with one row: four sums, so the JIT can keep them apart. */
    static int dot(byte[] q, byte[] codes, int off, int dims) {
        int s0 = 0;
        int s1 = 0;
        int s2 = 0;
        int s3 = 0;
        int j = 0;
        for (; j + 3 < dims; j += 4) {
            s0 += q[j] * codes[off + j];
            s1 += q[j + 1] * codes[off + j + 1];
            s2 += q[j + 2] * codes[off + j + 2];
            s3 += q[j + 3] * codes[off + j + 3];
        }
        for (; j < dims; j++) s0 += q[j] * codes[off + j];
        return s0 + s1 + s2 + s3;
    }

    /** The {@code k} rows of {@code v} nearest to {@code q}, best first: a bounded insertion list, k is small. */
    static java.util.List<SemanticSearch.Hit> nearest(View v, Query q, int k) {
        int keep = Math.min(k, v.size());
        if (keep <= 0 || q.codes().length != v.dims()) return java.util.List.of();
        long[] bestId = new long[keep];
        float[] bestScore = new float[keep];
        Arrays.fill(bestScore, Float.NEGATIVE_INFINITY);
        float floor = Float.NEGATIVE_INFINITY;
        byte[] qc = q.codes();
        byte[] codes = v.codes();
        float[] scales = v.scales();
        int d = v.dims();
        for (int row = 0, off = 0; row < v.size(); row++, off += d) {
            float score = dot(qc, codes, off, d) * scales[row];
            if (score <= floor) continue;
            int pos = keep - 1;
            while (pos > 0 && bestScore[pos - 1] < score) {
                bestScore[pos] = bestScore[pos - 1];
                bestId[pos] = bestId[pos - 1];
                pos--;
            }
            bestScore[pos] = score;
            bestId[pos] = v.ids()[row];
            floor = bestScore[keep - 1];
        }
        java.util.List<SemanticSearch.Hit> out = new java.util.ArrayList<>(keep);
        for (int i = 0; i < keep; i++) {
            if (bestScore[i] == Float.NEGATIVE_INFINITY) break;
            out.add(new SemanticSearch.Hit(bestId[i], bestScore[i] * q.scale()));
        }
        return out;
    }
}
