package com.shopassist.core.catalog;

import com.shopassist.core.common.Page;
import com.shopassist.core.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A catalog for unit tests of the services above the catalog port: a keyword search where every
 * word must be in the name ("a or b" means any of them), and the filters the real one has. It
 * records the texts it was asked for.
 */
public final class InMemoryCatalog implements CatalogService {

    public final List<Product> products = new ArrayList<>();
    public final List<String> searched = new CopyOnWriteArrayList<>();

    public Product add(long id, long categoryId, String name, long price, int available) {
        Product p = new Product(
                id,
                categoryId,
                "Category " + categoryId,
                "SKU-" + id,
                null,
                name,
                name.split(" ")[0],
                Money.of(price),
                "Dept",
                name,
                null,
                available,
                available,
                3,
                Instant.EPOCH);
        products.add(p);
        return p;
    }

    @Override
    public Page<Product> search(ProductQuery q) {
        searched.add(q.text());
        List<Product> out = new ArrayList<>();
        for (Product p : products) {
            if (q.text() != null && !matches(p, q.text())) continue;
            if (q.categoryId() != null && p.categoryId() != q.categoryId()) continue;
            if (q.maxPrice() != null && p.price().compareTo(q.maxPrice()) > 0) continue;
            if (q.minPrice() != null && p.price().compareTo(q.minPrice()) < 0) continue;
            if (q.inStockOnly() && p.available() <= 0) continue;
            out.add(p);
        }
        return new Page<>(out.stream().limit(q.pageSize()).toList(), out.size(), q.page(), q.pageSize());
    }

    private static boolean matches(Product p, String text) {
        String name = p.name().toLowerCase(Locale.ROOT);
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains(" or ")) {
            for (String w : t.split(" or ")) if (name.contains(w.strip())) return true;
            return false;
        }
        for (String w : t.split("\\s+")) if (!name.contains(w)) return false;
        return true;
    }

    @Override
    public Optional<Product> product(long productId) {
        return products.stream().filter(p -> p.id() == productId).findFirst();
    }

    @Override
    public List<Product> products(List<Long> ids) {
        List<Product> out = new ArrayList<>();
        for (long id : ids) product(id).ifPresent(out::add);
        return out;
    }

    @Override
    public Optional<Product> byBarcode(String barcode) {
        return Optional.empty();
    }

    @Override
    public List<Product> findByName(String name, int limit) {
        return search(ProductQuery.text(name)).items().stream().limit(limit).toList();
    }

    @Override
    public List<Category> categories() {
        return List.of();
    }

    @Override
    public Optional<Category> categoryByName(String name) {
        return Optional.empty();
    }

    @Override
    public List<Brand> brands() {
        return List.of();
    }

    @Override
    public Page<Product> productsByCategory(long categoryId, int page, int pageSize) {
        return search(new ProductQuery(null, categoryId, null, null, null, null, false, null, page, pageSize));
    }

    @Override
    public List<Product> alternatives(long productId, int limit) {
        return List.of();
    }
}
