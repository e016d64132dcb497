package org.dlnexplorer.app;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.dlnexplorer.model.observe.Frame;
import org.dlnexplorer.model.observe.RunSet;
import org.dlnexplorer.model.observe.Trajectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The data table (Ctrl+D): the shown run's observables frame by frame (t, ℒ, σ₁…σₖ, S(0,t), the balance
 * drift, the sharpness when recorded), a compare set's member chosen above it; Copy puts the whole table on
 * the clipboard as tab-separated text (header first) for a spreadsheet. FX thread.
 */
final class ObservablesTable {
    private final ViewModel vm;
    private Stage stage;
    private final TableView<String[]> table = new TableView<>();
    private final ComboBox<String> member = new ComboBox<>();

    ObservablesTable(ViewModel vm) {
        this.vm = vm;
        table.setId("data-table");
        member.setId("data-table-member");
        member.valueProperty().addListener((o, a, b) -> fill());
        vm.runSet.addListener((o, a, b) -> { if (stage != null && stage.isShowing()) refresh(); });
    }

    /** the header and the rows of one member's observables, numbers in full precision */
    static List<String[]> rows(Trajectory t) {
        List<String[]> out = new ArrayList<>();
        int k = t.frames().isEmpty() ? 0 : t.frames().get(0).modes();
        boolean sharp = t.frames().stream().anyMatch(Frame::hasSharpness);
        List<String> h = new ArrayList<>(List.of("t", "loss"));
        for (int i = 1; i <= k; i++) h.add("sigma" + i);
        h.add("kernel_distance");
        h.add("balance_drift");
        if (sharp) h.add("sharpness");
        out.add(h.toArray(new String[0]));
        for (Frame f : t.frames()) {
            List<String> r = new ArrayList<>(List.of(num(f.t()), num(f.loss())));
            for (int i = 0; i < k; i++) r.add(i < f.modes() ? num(f.singularValue(i)) : "");
            r.add(num(f.kernelDistance()));
            r.add(num(f.balanceDrift()));
            if (sharp) r.add(f.hasSharpness() ? num(f.sharpness()) : "");
            out.add(r.toArray(new String[0]));
        }
        return out;
    }

    /** the rows as tab-separated text, one line each */
    static String tsv(List<String[]> rows) {
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) b.append(String.join("\t", r)).append('\n');
        return b.toString();
    }

    private static String num(double v) { return Double.isFinite(v) ? String.format(Locale.ROOT, "%.10g", v) : ""; }

    void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.setTitle("Data table: the shown run's observables");
            Button copy = new Button("Copy");
            copy.setId("data-table-copy");
            copy.setOnAction(e -> copy());
            Button close = new Button("Close");
            close.setOnAction(e -> stage.hide());
            HBox top = new HBox(8, new Label("run"), member, copy, close);
            top.setPadding(new Insets(8));
            BorderPane root = new BorderPane(table, top, null, null, null);
            stage.setScene(new Scene(root, 900, 520));
        }
        refresh();
        stage.show();
        stage.toFront();
    }

    boolean isShowing() { return stage != null && stage.isShowing(); }

    /** the table as tab-separated text, as Copy puts it on the clipboard */
    String text() {
        Trajectory t = chosen();
        return t == null ? "" : tsv(rows(t));
    }

    void copy() {
        ClipboardContent c = new ClipboardContent();
        c.putString(text());
        Clipboard.getSystemClipboard().setContent(c);
        vm.report(Severity.INFO, "copied the data table (" + Math.max(0, table.getItems().size()) + " rows)");
    }

    private void refresh() {
        RunSet rs = vm.runSet.get();
        String was = member.getValue();
        List<String> names = new ArrayList<>();
        if (rs != null) for (RunSet.Labeled r : rs.runs()) names.add(r.label());
        member.getItems().setAll(names);
        member.setValue(names.contains(was) ? was : names.isEmpty() ? null : names.get(0));
        fill();
    }

    private Trajectory chosen() {
        RunSet rs = vm.runSet.get();
        if (rs == null || rs.runs().isEmpty()) return null;
        for (RunSet.Labeled r : rs.runs()) if (r.label().equals(member.getValue())) return r.trajectory();
        return rs.runs().get(0).trajectory();
    }

    private void fill() {
        Trajectory t = chosen();
        table.getColumns().clear();
        table.getItems().clear();
        if (t == null) return;
        List<String[]> rows = rows(t);
        String[] header = rows.get(0);
        for (int c = 0; c < header.length; c++) {
            int col = c;
            TableColumn<String[], String> tc = new TableColumn<>(header[c]);
            tc.setCellValueFactory(d -> new ReadOnlyStringWrapper(col < d.getValue().length ? d.getValue()[col] : ""));
            table.getColumns().add(tc);
        }
        table.getItems().setAll(rows.subList(1, rows.size()));
    }

    List<String[]> items() { return table.getItems(); }
}
