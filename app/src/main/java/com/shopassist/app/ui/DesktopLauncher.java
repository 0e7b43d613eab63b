package com.shopassist.app.ui;

import com.shopassist.app.AppContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * The desktop window. A stand-in until the real UI lands (its owner replaces this file): a table of
 * the catalog read with plain SQL.
 */
public final class DesktopLauncher {
    private static AppContext context;

    private DesktopLauncher() {}

    /** Opens the window and blocks until it is closed. */
    public static void launch(AppContext ctx, List<String> args) {
        context = ctx;
        ctx.database(); // start (and on first start seed) before the window, so errors reach the console
        Application.launch(CatalogWindow.class, args.toArray(String[]::new));
    }

    record Row(String name, String brand, String price) {}

    public static final class CatalogWindow extends Application {
        @Override
        public void start(Stage stage) throws SQLException {
            TableView<Row> table = new TableView<>();
            table.getColumns().add(column("Product", Row::name, 420));
            table.getColumns().add(column("Brand", Row::brand, 160));
            table.getColumns().add(column("Price", Row::price, 140));
            table.setItems(FXCollections.observableArrayList(rows()));
            stage.setTitle("ShopAssist - catalog");
            stage.setScene(new Scene(table, 760, 560));
            stage.show();
        }

        private static TableColumn<Row, String> column(
                String title, java.util.function.Function<Row, String> value, double width) {
            TableColumn<Row, String> c = new TableColumn<>(title);
            c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
            c.setPrefWidth(width);
            return c;
        }

        private static List<Row> rows() throws SQLException {
            DecimalFormatSymbols symbols = new DecimalFormatSymbols();
            symbols.setGroupingSeparator('.');
            DecimalFormat rupiah = new DecimalFormat("#,##0", symbols);
            var rows = new java.util.ArrayList<Row>();
            try (Connection c = context.database().dataSource().getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select product_name, product_brand, retail_price from tbl_product"
                            + " where is_active order by product_name limit 5000")) {
                while (rs.next()) {
                    BigDecimal price = rs.getBigDecimal(3);
                    rows.add(new Row(rs.getString(1), rs.getString(2), "Rp " + rupiah.format(price)));
                }
            }
            return rows;
        }
    }
}
