package org.dlnexplorer.model.sweep;

import org.dlnexplorer.cli.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** `sweep … --shard K/N` then `sweep-merge` gives the single sweep's file byte for byte; bad shards are refused. */
class ShardMergeTest {
    /** a 4 × 3 grid whose first column (τ = −0.1) the preset refuses, so failed rows travel through shards too */
    private static final String[] GRID = {"--x", "init.scale=-0.1:1:4", "--y", "init.delta=-1:1:3", "--samples", "20",
            "--threads", "2"};

    @TempDir
    static Path dir;
    static String single;

    @BeforeAll
    static void singleSweep() throws Exception {
        single = Files.readString(sweep(null, "single.csv"));
    }

    private static Path sweep(String shard, String file) {
        Path out = dir.resolve(file);
        List<String> args = new ArrayList<>(List.of("sweep", SweepFixtures.path("aligned").toString()));
        args.addAll(List.of(GRID));
        args.addAll(List.of("--out", out.toString()));
        if (shard != null) args.addAll(List.of("--shard", shard));
        CliRun.Result r = CliRun.exec(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return out;
    }

    private static List<Path> shards(int n, String tag) {
        List<Path> parts = new ArrayList<>();
        for (int k = 1; k <= n; k++) parts.add(sweep(k + "/" + n, tag + "-" + k + "of" + n + ".csv"));
        return parts;
    }

    private static CliRun.Result merge(List<Path> parts, Path out) {
        List<String> args = new ArrayList<>(List.of("sweep-merge"));
        for (Path p : parts) args.add(p.toString());
        args.addAll(List.of("--out", out.toString()));
        return CliRun.exec(args.toArray(String[]::new));
    }

    @Test
    void theSingleSweepHasFailedAndFinishedRows() {
        String[] lines = single.split("\n");
        assertEquals(13, lines.length, single);
        assertTrue(single.contains(",failed,"), single);
        assertTrue(single.contains(",ok,"), single);
    }

    @Test
    void shardsMergedInAnyOrderAreTheSingleSweepByteForByte() throws Exception {
        for (int n : new int[] {1, 3, 5}) {
            List<Path> parts = shards(n, "m");
            java.util.Collections.reverse(parts);
            Path out = dir.resolve("merged" + n + ".csv");
            CliRun.Result r = merge(parts, out);
            assertEquals(0, r.code(), r.err());
            assertEquals("", r.err());
            assertEquals(single, Files.readString(out), "N = " + n);
        }
    }

    @Test
    void moreShardsThanCellsLeavesSomeEmptyAndStillMerges() throws Exception {
        List<Path> parts = shards(13, "e");
        assertEquals(2, Files.readAllLines(parts.get(12)).size(), "shard 13 of a 12-cell grid has no rows");
        CliRun.Result r = merge(parts, dir.resolve("merged13.csv"));
        assertEquals(0, r.code(), r.err());
        assertEquals(single, Files.readString(dir.resolve("merged13.csv")));
    }

    @Test
    void eachShardHoldsItsRoundRobinShareOfTheCells() throws Exception {
        List<String> lines = Files.readAllLines(sweep("2/3", "share.csv"));
        assertTrue(lines.get(0).startsWith("# sweep-shard 2/3 x=init.scale=-0.1:1:4 y=init.delta=-1:1:3 run="),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("cell,init.scale,init.delta,kernel_distance,"), lines.get(1));
        List<String> cells = lines.subList(2, lines.size()).stream().map(l -> l.split(",")[0]).toList();
        assertEquals(List.of("1", "4", "7", "10"), cells);
        // each row after its cell is the single sweep's row for that cell
        String[] rows = single.split("\n");
        for (String l : lines.subList(2, lines.size())) {
            int cell = Integer.parseInt(l.split(",")[0]);
            assertEquals(rows[1 + cell], l.substring(l.indexOf(',') + 1));
        }
    }

    private static void refused(CliRun.Result r, String... words) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        for (String w : words) assertTrue(r.err().contains(w), "expected \"" + w + "\" in: " + r.err());
    }

    @Test
    void aMissingShardIsNamed() {
        List<Path> parts = shards(3, "x");
        refused(merge(List.of(parts.get(0), parts.get(2)), dir.resolve("o.csv")), "shard 2/3", "missing");
        assertFalse(Files.exists(dir.resolve("o.csv")));
    }

    @Test
    void aShardGivenTwiceIsOverlapping() {
        List<Path> parts = shards(2, "d");
        refused(merge(List.of(parts.get(0), parts.get(1), parts.get(0)), dir.resolve("o.csv")),
                parts.get(0).toString(), "shard: 1/2", "overlapping");
    }

    @Test
    void shardsOfDifferentSplitsAreRefused() {
        Path a = sweep("1/2", "s2.csv"), b = sweep("2/3", "s3.csv");
        refused(merge(List.of(a, b), dir.resolve("o.csv")), b.toString(), "shard: 2/3");
    }

    @Test
    void aRowOutsideItsShardIsRefusedNamingFileLineAndCell() throws Exception {
        List<Path> parts = shards(2, "r");
        Path tampered = dir.resolve("tampered.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(parts.get(0)));
        lines.add(Files.readAllLines(parts.get(1)).get(2));
        Files.write(tampered, lines);
        refused(merge(List.of(tampered, parts.get(1)), dir.resolve("o.csv")), tampered.toString(), "line 9", "cell: 1",
                "not in shard 1/2");
    }

    @Test
    void aMismatchedHeaderIsRefusedNamingTheColumn() throws Exception {
        List<Path> parts = shards(2, "h");
        Path renamed = dir.resolve("renamed.csv");
        Files.writeString(renamed, Files.readString(parts.get(1)).replace(",kernel_distance,", ",kernel_dist,"));
        refused(merge(List.of(parts.get(0), renamed), dir.resolve("o.csv")), renamed.toString(), "header",
                "kernel_dist");
    }

    @Test
    void aShardOfAnotherSweepIsRefused() throws Exception {
        Path a = sweep("1/2", "a.csv");
        CliRun.Result r = CliRun.exec("sweep", SweepFixtures.path("aligned").toString(), "--x", "init.scale=-0.1:1:4",
                "--y", "init.delta=-1:1:3", "--samples", "30", "--shard", "2/2", "--out", dir.resolve("b.csv").toString());
        assertEquals(0, r.code(), r.err());
        refused(merge(List.of(a, dir.resolve("b.csv")), dir.resolve("o.csv")), "b.csv", "run:");
    }

    @Test
    void kAboveNAndNonShardFilesAreRefused() throws Exception {
        Path bad = dir.resolve("k5of4.csv");
        Files.writeString(bad, Files.readString(sweep("1/1", "one.csv")).replaceFirst("1/1", "5/4"));
        refused(merge(List.of(bad), dir.resolve("o.csv")), bad.toString(), "shard:", "5/4");
        Path plain = dir.resolve("plain.csv");
        Files.writeString(plain, single);
        refused(merge(List.of(plain), dir.resolve("o.csv")), plain.toString(), "line 1", "not a sweep shard");
        refused(merge(List.of(dir.resolve("absent.csv")), dir.resolve("o.csv")), "absent.csv", "cannot read");
    }

    @Test
    void sweepRefusesABadShardSpec() {
        refused(CliRun.exec("sweep", SweepFixtures.path("aligned").toString(), "--shard", "4/3"), "--shard", "4/3");
        refused(CliRun.exec("sweep", SweepFixtures.path("aligned").toString(), "--shard", "0/3"), "--shard", "0/3");
        refused(CliRun.exec("sweep", SweepFixtures.path("aligned").toString(), "--shard", "two"), "--shard", "two");
    }

    @Test
    void shardCountsAddUpToTheGrid() {
        for (int cells : new int[] {1, 12, 441})
            for (int n = 1; n <= 17; n++) {
                int sum = 0;
                for (int k = 1; k <= n; k++) {
                    Shard s = new Shard(k, n);
                    int direct = 0;
                    for (int c = 0; c < cells; c++) if (s.contains(c)) direct++;
                    assertEquals(direct, s.count(cells), s + " of " + cells);
                    sum += direct;
                }
                assertEquals(cells, sum);
            }
    }
}
