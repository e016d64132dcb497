package org.dlnexplorer.model.sweep;

/**
 * Share K of N (1-based) of a sweep's cells, for running one grid as N independent jobs (a cluster job array).
 * Cell c = iy·nx + ix belongs to shard (c mod N) + 1: round robin over the grid, so every shard takes cells from
 * every region of the map and the shards cost about the same even when one corner of the grid is slow.
 * Text form (command line): {@code K/N}, e.g. {@code 3/16}.
 */
public record Shard(int k, int n) {
    /** the whole grid as one shard */
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (n < 1) throw new IllegalArgumentException("N must be at least 1, got " + n);
        if (k < 1 || k > n) throw new IllegalArgumentException("K must be between 1 and N = " + n + ", got " + k);
    }

    /** Parses {@code K/N}; the exception's message says what is wrong, in one line. */
    public static Shard parse(String text) {
        String s = text == null ? "" : text.trim();
        int slash = s.indexOf('/');
        if (slash <= 0 || slash == s.length() - 1) throw bad(text, "expected K/N, e.g. 3/16");
        int k, n;
        try {
            k = Integer.parseInt(s.substring(0, slash).trim());
            n = Integer.parseInt(s.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw bad(text, "K and N must be whole numbers");
        }
        try {
            return new Shard(k, n);
        } catch (IllegalArgumentException e) {
            throw bad(text, e.getMessage());
        }
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("bad shard \"" + text + "\": " + why);
    }

    /** true when grid cell c (iy·nx + ix) is this shard's */
    public boolean contains(int cell) { return cell % n == k - 1; }

    /** how many of a grid's cells are this shard's */
    public int count(int cells) { return cells / n + (cells % n >= k ? 1 : 0); }

    @Override
    public String toString() { return k + "/" + n; }
}
