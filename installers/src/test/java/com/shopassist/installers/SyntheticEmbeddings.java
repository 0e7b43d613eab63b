package com.shopassist.installers;

import com.shopassist.ai.semantic.MiniLmEmbedder;
import com.shopassist.app.config.AppConfig;
import com.shopassist.app.config.GlobalOptions;
import com.shopassist.app.wiring.AppWiring;
import com.shopassist.core.catalog.ProductEmbeddingRepository;
import com.shopassist.core.catalog.ProductEmbeddingRepository.StoredVector;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * For {@code installers/measure-startup.sh}: gives every active product without a vector a
 * random one, so that a 100,000-product store starts with 100,000 vectors to load, as a store that
 * embedded its catalog would (embedding them with the model takes about an hour on two cores).
 * The neighbours are meaningless; the memory and the time to load them are real. Usage (the
 * database options of the app: {@code --data-dir}, {@code --db-url}, ...):
 *
 * <pre>
 * java -cp app/target/shopassist.jar:installers/target/test-classes com.shopassist.installers.SyntheticEmbeddings --data-dir DIR
 * </pre>
 */
public final class SyntheticEmbeddings {

    private SyntheticEmbeddings() {}

    public static void main(String[] args) throws Exception {
        AppConfig config = AppConfig.resolve(GlobalOptions.parse(List.of(args)), System.getenv());
        try (AppWiring app = new AppWiring(config, Clock.systemUTC())) {
            ProductEmbeddingRepository repository = app.repositories().embeddings();
            List<Long> ids = new ArrayList<>();
            try (Connection c = app.database().dataSource().getConnection();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT p.product_id FROM tbl_product p WHERE p.is_active"
                            + " AND NOT EXISTS (SELECT 1 FROM tbl_product_embedding e"
                            + " WHERE e.product_id = p.product_id) ORDER BY p.product_id")) {
                while (rs.next()) ids.add(rs.getLong(1));
            }
            Random rnd = new Random(7);
            List<StoredVector> batch = new ArrayList<>();
            for (long id : ids) {
                float[] v = new float[384];
                for (int i = 0; i < v.length; i++) v[i] = (float) rnd.nextGaussian();
                batch.add(new StoredVector(id, v));
                if (batch.size() == 2_000) {
                    repository.save(MiniLmEmbedder.MODEL, batch);
                    batch.clear();
                }
            }
            repository.save(MiniLmEmbedder.MODEL, batch);
            System.out.printf(
                    "%,d synthetic vectors stored; %,d products have one%n",
                    ids.size(), repository.count(MiniLmEmbedder.MODEL));
        }
    }
}
