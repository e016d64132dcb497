package org.dlnexplorer.chart;

/**
 * What the two-layer views draw of one run of f(x) = aᵀσ(Wx) (Kunin et al. §5): per recorded frame the
 * student's first layer W (h × d, row-major) and output weights a (h); the training inputs X (n × d,
 * row-major) and labels y; the teacher's W* (k × d) and a* (k) when a teacher made the data (else k = 0).
 */
record StudentRun(String label, int d, int h, double[] t, double[][] w, double[][] a, double[] x, double[] y,
                  int k, double[] teacherW, double[] teacherA) {

    StudentRun {
        if (t.length == 0 || w.length != t.length || a.length != t.length)
            throw new IllegalArgumentException("one W and one a per recorded time");
        for (int f = 0; f < t.length; f++)
            if (w[f].length != h * d || a[f].length != h) throw new IllegalArgumentException("frame " + f + ": W is not h × d");
        if (x.length % d != 0 || y.length != x.length / d) throw new IllegalArgumentException("X is not n × d");
        if (k > 0 && (teacherW.length != k * d || teacherA.length != k))
            throw new IllegalArgumentException("W* is not k × d");
    }

    int frames() { return t.length; }
    int samples() { return y.length; }

    /** the last frame at or before time (the first for an earlier time; the last for NaN) */
    int frameAt(double time) {
        if (Double.isNaN(time)) return t.length - 1;
        int lo = 0, hi = t.length - 1;
        if (time >= t[hi]) return hi;
        while (lo < hi) {   // largest f with t[f] ≤ time
            int mid = (lo + hi + 1) >>> 1;
            if (t[mid] <= time) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /** ‖w_k‖ at frame f */
    double norm(int f, int neuron) {
        double s = 0;
        for (int c = 0; c < d; c++) s += w[f][neuron * d + c] * w[f][neuron * d + c];
        return Math.sqrt(s);
    }

    /** μ_k = a_k‖w_k‖ (signed radial coordinate; |μ_k| = ‖β_k‖, β_k = a_k w_k) */
    double mu(int f, int neuron) { return a[f][neuron] * norm(f, neuron); }

    /** the direction of β̂_k = sgn(a_k)β_k/‖β_k‖ = w_k/‖w_k‖ as an angle in (−π, π] (d = 2) */
    double angle(int f, int neuron) { return Math.atan2(w[f][neuron * d + 1], w[f][neuron * d]); }

    /** the direction of teacher neuron j, an angle in (−π, π] (d = 2) */
    double teacherAngle(int j) { return Math.atan2(teacherW[j * d + 1], teacherW[j * d]); }
}
