package org.dlnexplorer.model.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CSV of one shard of a sweep, and the merge of all shards back into exactly the table a single sweep
 * writes ({@link SweepCsv#write}: same header, same rows, same order, same bytes).
 * <p>
 * A shard file is the single sweep's table with two additions: a first line
 * {@code # sweep-shard K/N x=AXIS y=AXIS run=ID} (the share, the grid, and an identifier of the preset and
 * settings, so that shards of different sweeps are not merged), and a first column {@code cell}, the grid index
 * iy·nx + ix of the row. Rows are in grid order; cells a shard's time budget left out are absent, as in a single
 * sweep.
 */
public final class ShardCsv {
    private ShardCsv() {}

    /** the first word after '#' on a shard's first line */
    public static final String MARK = "sweep-shard";
    static final String CELL = "cell";

    /** one shard file's name (for messages) and text */
    public record Part(String name, String text) {}

    /** the merged table, and how many of the grid's cells are absent from it (left out by a time budget) */
    public record Merged(String csv, int cells, int absent) {}

    /** a shard that cannot be merged; the message is one line naming the file and the field */
    public static final class BadShard extends IllegalArgumentException {
        BadShard(String message) { super(message); }
    }

    /** the shard's file: the mark line, then the single sweep's header and this shard's rows, each after its cell */
    public static String write(SweepResult r, Shard shard, String run) {
        StringBuilder sb = new StringBuilder(markLine(shard, r.x(), r.y(), run)).append('\n');
        sb.append(CELL).append(',').append(SweepCsv.header(r)).append('\n');
        for (int iy = 0; iy < r.y().n(); iy++)
            for (int ix = 0; ix < r.x().n(); ix++) {
                CellResult c = r.get(ix, iy);
                int cell = iy * r.x().n() + ix;
                if (c != null && shard.contains(cell)) sb.append(cell).append(',').append(SweepCsv.row(c)).append('\n');
            }
        return sb.toString();
    }

    static String markLine(Shard shard, Axis x, Axis y, String run) {
        return "# " + MARK + " " + shard + " x=" + x + " y=" + y + " run=" + run;
    }

    /**
     * Joins the shards 1/N … N/N of one sweep, given in any order, into the single sweep's table.
     *
     * @throws BadShard when a file is not a shard, the shards are of different sweeps or splits, one is given
     *                  twice or is missing, or a row is not its shard's (the message names file and field)
     */
    public static Merged merge(List<Part> parts) {
        if (parts.isEmpty()) throw new BadShard("no shard files given");
        List<Parsed> parsed = new ArrayList<>();
        for (Part p : parts) parsed.add(Parsed.of(p));
        Parsed first = parsed.get(0);
        Map<Integer, Parsed> byK = new TreeMap<>();
        for (Parsed p : parsed) {
            first.agrees(p);
            Parsed twice = byK.put(p.shard.k(), p);
            if (twice != null)
                throw new BadShard(p.name + ": shard: " + p.shard + " given twice, also as " + twice.name
                        + " (overlapping shards)");
        }
        for (int k = 1; k <= first.shard.n(); k++)
            if (!byK.containsKey(k))
                throw new BadShard("shard " + k + "/" + first.shard.n() + ": missing; the files given are " + given(byK));
        int cells = first.x.n() * first.y.n();
        String[] rows = new String[cells];
        for (Parsed p : parsed) p.rows.forEach((cell, row) -> rows[cell] = row);
        StringBuilder sb = new StringBuilder(first.header).append('\n');
        int absent = 0;
        for (String row : rows) {
            if (row == null) absent++;
            else sb.append(row).append('\n');
        }
        return new Merged(sb.toString(), cells, absent);
    }

    /** "shard 1/3 FILE, shard 3/3 FILE", the first few */
    private static String given(Map<Integer, Parsed> byK) {
        final int shown = 4;
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (Parsed p : byK.values()) {
            if (i++ == shown) return sb.append(", … (").append(byK.size()).append(" files)").toString();
            sb.append(i > 1 ? ", " : "").append(p.shard).append(' ').append(p.name);
        }
        return sb.toString();
    }

    /** one shard file, read and checked on its own */
    private static final class Parsed {
        final String name;
        Shard shard;
        Axis x, y;
        String run;
        String header;
        final Map<Integer, String> rows = new TreeMap<>();

        private Parsed(String name) { this.name = name; }

        static Parsed of(Part part) {
            Parsed p = new Parsed(part.name());
            String[] lines = part.text().split("\n", -1);
            p.readMark(lines[0].strip());
            if (lines.length < 2 || !lines[1].startsWith(CELL + ","))
                throw p.bad("line 2: header: expected \"" + CELL + ",\" then the sweep's columns");
            p.header = lines[1].substring(CELL.length() + 1).stripTrailing();
            int columns = p.header.split(",", -1).length;
            String[] fields = p.header.split(",", -1);
            if (!fields[0].equals(p.x.field()) || columns < 2 || !fields[1].equals(p.y.field()))
                throw p.bad("line 2: header: the first columns are not the axes " + p.x.field() + ", " + p.y.field());
            int last = lines.length;
            while (last > 2 && lines[last - 1].isBlank()) last--;
            for (int i = 2; i < last; i++) p.readRow(i + 1, lines[i].stripTrailing(), columns);
            return p;
        }

        private void readMark(String line) {
            String[] w = line.split(" +");
            if (w.length < 3 || !w[0].equals("#") || !w[1].equals(MARK))
                throw bad("line 1: not a sweep shard (expected \"# " + MARK + " K/N …\", as sweep --shard K/N writes)");
            try {
                shard = Shard.parse(w[2]);
            } catch (IllegalArgumentException e) {
                throw bad("shard: " + e.getMessage());
            }
            for (int i = 3; i < w.length; i++) {
                int eq = w[i].indexOf('=');
                String key = eq < 0 ? w[i] : w[i].substring(0, eq), value = eq < 0 ? "" : w[i].substring(eq + 1);
                try {
                    switch (key) {
                        case "x" -> x = Axis.parse(value);
                        case "y" -> y = Axis.parse(value);
                        case "run" -> run = value;
                        default -> throw bad("line 1: unknown field \"" + key + "\"");
                    }
                } catch (BadShard e) {
                    throw e;
                } catch (IllegalArgumentException e) {
                    throw bad(key + ": " + e.getMessage());
                }
            }
            if (x == null) throw bad("x: missing from line 1");
            if (y == null) throw bad("y: missing from line 1");
            if (run == null || run.isEmpty()) throw bad("run: missing from line 1");
        }

        /** cell,x,y,…: the cell is this shard's, appears once, and its x and y are the grid's values */
        private void readRow(int lineNo, String line, int columns) {
            String[] f = SweepCsv.fields(line);   // a failed cell's message is quoted and may hold commas
            if (f.length != columns + 1)
                throw bad("line " + lineNo + ": " + (f.length - 1) + " fields after the cell, the header has " + columns);
            int cell;
            try {
                cell = Integer.parseInt(f[0]);
            } catch (NumberFormatException e) {
                throw bad("line " + lineNo + ": cell: \"" + f[0] + "\" is not a whole number");
            }
            if (cell < 0 || cell >= x.n() * y.n())
                throw bad("line " + lineNo + ": cell: " + cell + " is outside the " + x.n() + " × " + y.n() + " grid");
            if (!shard.contains(cell))
                throw bad("line " + lineNo + ": cell: " + cell + " is not in shard " + shard + " (overlapping shards)");
            if (rows.containsKey(cell))
                throw bad("line " + lineNo + ": cell: " + cell + " appears twice");
            String xv = SweepCsv.number(x.value(cell % x.n())), yv = SweepCsv.number(y.value(cell / x.n()));
            if (!f[1].equals(xv))
                throw bad("line " + lineNo + ": " + x.field() + ": " + f[1] + " is not cell " + cell + "'s value " + xv);
            if (!f[2].equals(yv))
                throw bad("line " + lineNo + ": " + y.field() + ": " + f[2] + " is not cell " + cell + "'s value " + yv);
            rows.put(cell, line.substring(f[0].length() + 1));
        }

        /** other is a shard of the same sweep and the same split as this one */
        void agrees(Parsed o) {
            if (o.shard.n() != shard.n())
                throw o.bad("shard: " + o.shard + " is of a split into " + o.shard.n() + ", " + name + " of one into "
                        + shard.n());
            if (!o.x.equals(x)) throw o.bad("x: " + o.x + " differs from " + name + "'s " + x);
            if (!o.y.equals(y)) throw o.bad("y: " + o.y + " differs from " + name + "'s " + y);
            if (!o.run.equals(run))
                throw o.bad("run: " + o.run + " differs from " + name + "'s " + run + " (another preset or --samples)");
            if (!o.header.equals(header)) throw o.bad("header: differs from " + name + "'s (" + firstDifference(o) + ")");
        }

        private String firstDifference(Parsed o) {
            String[] a = header.split(",", -1), b = o.header.split(",", -1);
            for (int i = 0; i < Math.min(a.length, b.length); i++)
                if (!a[i].equals(b[i])) return "column " + (i + 2) + ": " + b[i] + " vs " + a[i];
            return b.length + " columns vs " + a.length;
        }

        BadShard bad(String why) { return new BadShard(name + ": " + why); }
    }
}
