package org.dlnexplorer.cli;

import org.dlnexplorer.preset.Preset;
import org.dlnexplorer.preset.PresetIo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identifier a shard carries of what its cells were computed from: the first 12 hex digits of the SHA-256 of
 * the preset (as JSON) and the sweep's frame count. Shards of one sweep share it; sweep-merge refuses to join
 * shards whose identifiers differ.
 */
final class ShardRun {
    private ShardRun() {}

    static final int HEX_DIGITS = 12;

    static String id(Preset p, int samples) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] d = sha.digest((PresetIo.toJson(p) + "\nsamples=" + samples).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
