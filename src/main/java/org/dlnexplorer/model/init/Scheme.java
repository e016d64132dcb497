package org.dlnexplorer.model.init;

/** Initialization schemes of SPEC §2. */
public enum Scheme {
    ALIGNED("aligned"), ORTHOGONAL("orthogonal"), GAUSSIAN("gaussian"), RESIDUAL("residual"), EXPLICIT("explicit");

    private final String id;
    Scheme(String id) { this.id = id; }
    public String id() { return id; }

    public static Scheme fromId(String id) {
        for (Scheme s : values()) if (s.id.equals(id)) return s;
        return null;
    }
}
