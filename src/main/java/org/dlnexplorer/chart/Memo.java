package org.dlnexplorer.chart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A small thread-safe memo of a pure function: the last {@code capacity} results by key (least recently used
 * dropped). For what several views, or a run set's draft and full pictures, derive from the same inputs (the
 * conserved surfaces, the weights of a run set's immutable trajectories), on either painting thread. The
 * results are shared: callers must not modify them. Keys must have value equality ({@link Identity} for
 * objects compared by identity).
 */
final class Memo<K, V> {
    private final Map<K, V> entries;

    Memo(int capacity) {
        entries = new LinkedHashMap<>(2 * capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) { return size() > capacity; }
        };
    }

    /** the memoized f(key); f runs outside the lock (two threads may both compute a missing entry once) */
    V get(K key, Function<K, V> f) {
        if (!LayerCache.enabled()) return f.apply(key);
        synchronized (this) {
            V v = entries.get(key);
            if (v != null) return v;
        }
        V v = f.apply(key);
        synchronized (this) {
            entries.put(key, v);
        }
        return v;
    }

    /** a list of objects compared element by element by identity (immutable objects: never stale) */
    record Identity(List<?> items) {
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Identity other) || other.items.size() != items.size()) return false;
            for (int i = 0; i < items.size(); i++) if (items.get(i) != other.items.get(i)) return false;
            return true;
        }

        @Override
        public int hashCode() {
            int h = 1;
            for (Object x : items) h = 31 * h + System.identityHashCode(x);
            return h;
        }
    }
}
